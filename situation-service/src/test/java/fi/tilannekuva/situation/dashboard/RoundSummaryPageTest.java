package fi.tilannekuva.situation.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import fi.tilannekuva.situation.summary.StatusServiceStandIn;
import fi.tilannekuva.situation.summary.SummaryWorld;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The round summary as a person reads it in headless chromium, in Finnish and Swedish, with no WCAG 2.1 A/AA violation
 * axe-core can find, and printed to PDF by chromium: the PDF's text says what the page says, without the page's
 * chrome. The PDF lands in {@code target/round-summary.pdf}.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
@WithTestResource(value = StatusServiceStandIn.class, scope = TestResourceScope.GLOBAL)
class RoundSummaryPageTest {

    private static HeadlessChromium browser;

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private SummaryWorld world;

    @BeforeEach
    void worldAndBrowser() {
        world = SummaryWorld.ensure(bootstrapServers);
        if (browser == null) {
            browser = HeadlessChromium.start();
        }
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    private WebDriver open(String lang, String heading) {
        WebDriver driver = browser.driver;
        driver.get(root + "rounds/" + world.round + "/summary?lang=" + lang);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("summary-title")).getText().equals(heading + " " + world.name));
        return driver;
    }

    private static String text(WebDriver driver, String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void aPersonReadsTheRoundInTheirLanguageAndPrintsItToACleanPdf() throws IOException {
        JsonPath summary = given().get("/api/v1/situation/rounds/" + world.round + "/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Integer htt = summary.get("units.find { it.region == 'lappi' }.cells.HTT.progressPercent");
        Integer nationalHtt = summary.get("national.cells.HTT.progressPercent");
        int units = TenTwentyOne.UNITS.length;

        WebDriver driver = open("fi", "Tilannekuvan yhteenveto");
        String lappi = text(driver, "#units tr[data-region='lappi']");
        assertTrue(lappi.startsWith("Lappi"), lappi);
        assertTrue(lappi.contains("Myöhässä") && lappi.contains("90 %") && lappi.contains(htt + " %"), lappi);
        assertTrue(text(driver, "#units tr[data-region='hus']").contains("Ei raportoinut"));
        assertEquals("HUS", text(driver, "#not-reported"));
        assertTrue(
                text(driver, "#completeness")
                        .startsWith("Ajallaan: " + (units - 2) + " / " + units + " ("
                                + Math.round(100f * (units - 2) / units) + " %)"),
                text(driver, "#completeness"));
        assertTrue(text(driver, "#national tr[data-group='HTT']").contains(nationalHtt + " %"));
        assertEquals(
                world.before.isEmpty() ? "" : summary.getString("previous.name"), text(driver, "#summary-previous"));
        assertTrue(text(driver, "#support-title + p").contains("valtuutetuille"), "a public reader is told why");
        assertEquals(5, driver.findElements(By.cssSelector("#top-risks li")).size());
        Accessibility.assertNoViolations(driver, "the round summary");
        browser.screenshot(Path.of("target/round-summary.png"));

        driver = open("sv", "Sammanfattning av lägesbilden");
        String lappland = text(driver, "#units tr[data-region='lappi']");
        assertTrue(lappland.startsWith("Lappland") && lappland.contains("Försenat"), lappland);
        Accessibility.assertNoViolations(driver, "the round summary in Swedish");

        String pdf = printed(driver);
        assertTrue(pdf.contains("Sammanfattning av lägesbilden " + world.name), pdf);
        assertTrue(pdf.contains("Lappland") && pdf.contains("Försenat") && pdf.contains("Egentliga Finland"), pdf);
        assertTrue(pdf.contains("I tid: " + (units - 2) + " / " + units), pdf);
        assertFalse(pdf.contains("XLSX"), "the download links are not printed");
        assertFalse(pdf.contains("Suomeksi"), "nor the language switch");
    }

    /** Chromium's print-to-PDF of the page, written to target/round-summary.pdf, as text. */
    private static String printed(WebDriver driver) throws IOException {
        PrintOptions options = new PrintOptions();
        options.setOrientation(PrintOptions.Orientation.LANDSCAPE);
        byte[] bytes =
                Base64.getDecoder().decode(((PrintsPage) driver).print(options).getContent());
        Files.write(Path.of("target/round-summary.pdf"), bytes);
        assertTrue(new String(bytes, 0, 5).startsWith("%PDF-"), "a PDF");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
