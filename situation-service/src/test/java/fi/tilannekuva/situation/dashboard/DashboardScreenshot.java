package fi.tilannekuva.situation.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's screenshot command: a PNG of a running dashboard (the local stack's, by default none), taken only when
 * asked for with {@code -Ddashboard.url=http://localhost:8083/}.
 */
@EnabledIfSystemProperty(named = "dashboard.url", matches = ".+")
class DashboardScreenshot {

    @Test
    void savesThePictureAsPng() throws Exception {
        String url = System.getProperty("dashboard.url");
        Path file = Path.of(System.getProperty("dashboard.screenshot", "target/dashboard.png"));
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.driver.get(url);
            new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.or(
                            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#heatmap tbody tr")),
                            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#groups section")),
                            ExpectedConditions.presenceOfElementLocated(By.cssSelector(".status.error"))));
            browser.screenshot(file);
        }
        assertTrue(Files.size(file) > 0, file + " is empty");
        System.out.println("Dashboard screenshot: " + file.toAbsolutePath());
    }
}
