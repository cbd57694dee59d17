package fi.tilannekuva.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one problem dialect: its type URIs, its always-present errors array and the bounds on what it repeats. */
class ProblemTest {

    @Test
    void everyKindOfProblemSharesOneTypeBaseAndHasAnErrorsArray() {
        Problem problem = Problem.of("invalid-report", "The report has invalid items", 422, "1 item is invalid");
        assertEquals("https://tilannekuva.fi/problems/invalid-report", problem.type());
        assertEquals(List.of(), problem.errors());
    }

    @Test
    void aHugeInputIsCutBeforeAnErrorRepeatsIt() {
        String bounded = Problem.bounded("x".repeat(3_900_000));
        assertTrue(bounded.length() < Problem.MAX_ECHO + 40, "bounded to about " + Problem.MAX_ECHO + " characters");
        assertTrue(bounded.endsWith("(3900000 characters)"), bounded);
        assertEquals("short", Problem.bounded("short"));
    }

    @Test
    void jacksonMessagesSpeakWithoutJavaPackageNames() {
        String message = ProblemMappers.readable(
                "Cannot deserialize value of type `fi.tilannekuva.status.rest.ReportRound` from Array value");
        assertEquals("Cannot deserialize value of type `ReportRound` from Array value", message);
        assertEquals(
                "Cannot deserialize value of type `Instant` from String",
                ProblemMappers.readable("Cannot deserialize value of type `java.time.Instant` from String"));
    }

    @Test
    void aReasonPhraseBecomesItsSlug() {
        assertEquals("unsupported-media-type", ProblemMappers.slug("Unsupported Media Type"));
        assertEquals("not-found", ProblemMappers.slug("Not Found"));
    }
}
