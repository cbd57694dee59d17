package fi.tilannekuva.situation.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** axe-core (Deque) run in the page as it stands: no WCAG 2.1 A or AA violation may be found. */
final class Accessibility {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {}

    /** Fails naming each violated rule and up to three elements it was found on. */
    static void assertNoViolations(WebDriver driver, String where) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertTrue(
                violations.isEmpty(),
                where + ": "
                        + violations.stream()
                                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                                        + rule.getNodes().stream()
                                                .map(node -> String.valueOf(node.getTarget()))
                                                .limit(3)
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("\n")));
        assertTrue(results.getPasses().size() > 10, where + ": axe-core ran its rules");
    }
}
