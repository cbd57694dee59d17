package fi.tilannekuva.situation.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless chromium, on the module's shared world (the seed's 10/21 round fed through the real
 * broker as roadmap-published and status-changed events, see {@link TenTwentyOne}): what a person sees.
 *
 * <p>Screenshots land in {@code target/dashboard.png}, {@code target/dashboard-readiness.png} and
 * {@code target/dashboard-unit.png}.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class DashboardBrowserTest {

    private static final String ROUND_10_21 = "?lang=fi&from=2021-04-01&to=2021-12-31&deadline=2023-01-01";
    /** The first half of 2022: only the sandbox subtasks (YP) are scheduled then. */
    private static final String SANDBOX_WINDOW = "?lang=fi&from=2022-01-01&to=2022-06-30";

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final List<Group> GROUPS = List.of(Group.values());

    private static HeadlessChromium browser;

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void worldAndBrowser() {
        TenTwentyOne.ensurePublished(bootstrapServers);
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

    @Test
    @SuppressWarnings("unchecked")
    void theHeatmapShowsEverySeedPercentageWithItsBandNamedInText() {
        open(ROUND_10_21);
        for (Map.Entry<String, int[]> unit : TenTwentyOne.PROGRESS_PERCENT.entrySet()) {
            for (int g = 0; g < GROUPS.size(); g++) {
                int percent = unit.getValue()[g];
                assertCell(unit.getKey(), GROUPS.get(g), "started", percent + " %", bandLabel(percent));
            }
        }
        // Etelä-Karjala HTT, the seed's first cell: 57 %, in the 50–75 % band, 39 of 69 started.
        WebElement first = cell("etela-karjala", Group.HTT, "started");
        assertEquals("57 %", first.findElement(By.className("pct")).getText());
        assertEquals("◑ 50–75 %", first.findElement(By.className("band-label")).getText());
        assertEquals("39/69", first.findElement(By.className("count")).getText());
        assertEquals(
                "Hallinto, talous ja tukipalvelut",
                find("thead th[data-group='HTT'] .group-name").getText());
        browser.screenshot(Path.of("target/dashboard.png"));
        Accessibility.assertNoViolations(driver(), "the heatmap");
        // Light: everything the page loaded (document, scripts, styles, API answers), as the browser counted it;
        // how soon the table showed is printed, not asserted (speed is the benchmarks' business).
        Map<String, Object> timing = (Map<String, Object>) ((JavascriptExecutor) driver())
                .executeScript("const nav = performance.getEntriesByType('navigation')[0];"
                        + "const own = performance.getEntriesByType('resource')"
                        + ".filter(r => r.initiatorType === 'script' || r.initiatorType === 'link'"
                        + " || r.initiatorType === 'css' || r.initiatorType === 'other');"
                        + "const bytes = nav.encodedBodySize + own.reduce((n, r) => n + r.encodedBodySize, 0);"
                        + "const mark = performance.getEntriesByName('heatmap-visible')[0];"
                        + "return {bytes: bytes, visible: mark ? Math.round(mark.startTime) : -1,"
                        + " loaded: Math.round(nav.loadEventEnd)};");
        long bytes = ((Number) timing.get("bytes")).longValue();
        System.out.printf(
                "dashboard first load: %d bytes of document, scripts and styles; heatmap visible after %s ms,"
                        + " load event after %s ms%n",
                bytes, timing.get("visible"), timing.get("loaded"));
        assertTrue(bytes > 10_000 && bytes < 300_000, "the first load stays under 300 kB: " + bytes);
        assertTrue(((Number) timing.get("visible")).longValue() > 0, "the heatmap-visible mark was set");
    }

    @Test
    void theHeaderRowCountsTrackedSubtasksAndHelsinkisOwnPjSubtasksShow() {
        open(ROUND_10_21);
        assertEquals("Tehtävien lkm yht.", find("tr.tracked-row th").getText());
        assertEquals(List.of("69", "30", "17", "20", "55"), texts("tr.tracked-row td[data-group]"));
        // Helsinki's 43 % in PJ is 9 of its 21 subtasks (17 + its own 4), which the cell says and marks as different.
        assertCell("helsinki", Group.PJ, "started", "43 %", "25–49 %");
        WebElement count = cell("helsinki", Group.PJ, "started").findElement(By.className("count"));
        assertTrue(count.getText().startsWith("9/21"), count.getText());
        assertTrue(count.getText().contains("21 seurattavaa"), "the difference is explained, not only underlined");
        assertTrue(count.getAttribute("class").contains("differs"));
    }

    @Test
    void husHasNotReportedAndSaysSoAcrossItsRowNeverZero() {
        open(ROUND_10_21);
        WebElement hus = find("tr[data-region='hus']");
        WebElement notReported = hus.findElement(By.cssSelector("td.not-reported-cell"));
        assertEquals("Ei raportoitu", notReported.getText());
        assertEquals("5", notReported.getAttribute("colspan"));
        assertTrue(hus.findElements(By.className("pct")).isEmpty(), "no percentage for a unit that never reported");
        assertEquals("HUS", hus.findElement(By.tagName("th")).getText());
    }

    @Test
    void theNationalRowCombinesTheUnitsThatReported() {
        open(ROUND_10_21);
        assertEquals("Koko maa", firstLine(find("tr[data-national] th")));
        for (Group group : GROUPS) {
            int started = 0;
            int tracked = 0;
            for (Map.Entry<String, int[]> unit : TenTwentyOne.PROGRESS_PERCENT.entrySet()) {
                int unitTracked = TenTwentyOne.tracked(unit.getKey(), group);
                started += TenTwentyOne.startedFor(unit.getValue()[group.ordinal()], unitTracked);
                tracked += unitTracked;
            }
            int percent = roundHalfUp(started, tracked);
            WebElement national = find("tr[data-national] td[data-group='" + group + "']");
            assertEquals(
                    percent + " %", national.findElement(By.className("pct")).getText(), group.name());
            assertEquals(
                    started + "/" + tracked,
                    national.findElement(By.className("count")).getText());
            assertTrue(national.getText().contains(bandLabel(percent)), national.getText());
        }
    }

    @Test
    void theReadinessViewShowsInProgressAndDoneSideBySide() {
        open(ROUND_10_21);
        driver().findElement(By.cssSelector("input[name='view'][value='readiness']"))
                .click();
        waitFor(cellSelector("etela-karjala", Group.HTT, "done") + " .pct");
        assertTrue(driver().getCurrentUrl().contains("view=readiness"), "the view is kept in the address");
        List<String> measures = texts("thead th.measure");
        assertEquals(10, measures.size());
        assertEquals(List.of("Käynnissä", "Valmis"), measures.subList(0, 2));
        assertEquals("10", find("tr[data-region='hus'] td.not-reported-cell").getAttribute("colspan"));
        // The world starts subtask i with IN_PROGRESS, ON_SCHEDULE, DONE, DELAYED in turn: a quarter-ish are done.
        for (Group group : List.of(Group.HTT, Group.JO, Group.PJ, Group.ICT)) {
            int tracked = TenTwentyOne.tracked("etela-karjala", group);
            int started = TenTwentyOne.startedFor(
                    TenTwentyOne.PROGRESS_PERCENT.get("etela-karjala")[group.ordinal()], tracked);
            int done = 0;
            for (int i = 0; i < started; i++) {
                done += i % 4 == 2 ? 1 : 0;
            }
            int doneP = roundHalfUp(done, tracked);
            int inProgressP = roundHalfUp(started - done, tracked);
            assertCell("etela-karjala", group, "done", doneP + " %", bandLabel(doneP));
            assertCell("etela-karjala", group, "inProgress", inProgressP + " %", bandLabel(inProgressP));
        }
        browser.screenshot(Path.of("target/dashboard-readiness.png"));
        Accessibility.assertNoViolations(driver(), "the readiness view");
    }

    @Test
    void theRankedRisksBesideTheHeatmapNameUnitsReasonsAndScores() {
        open(ROUND_10_21);
        WebElement first = waitFor("#risks li.risk[data-rank='1']");
        String severity = first.findElement(By.className("severity")).getText();
        assertTrue(List.of("Korkea", "Kohtalainen", "Matala").contains(severity), severity);
        assertTrue(first.findElement(By.className("score")).getText().endsWith("pistettä"), first.getText());
        assertFalse(first.findElement(By.className("message")).getText().isBlank());
        WebElement link = first.findElement(By.tagName("a"));
        assertTrue(link.getAttribute("href").contains("/units/"), link.getAttribute("href"));
        // the top of the national ranking, in rank order, and the rest a click away
        List<Integer> ranks = driver().findElements(By.cssSelector("#risks li.risk")).stream()
                .map(li -> Integer.valueOf(li.getAttribute("data-rank")))
                .toList();
        assertEquals(12, ranks.size(), ranks.toString());
        assertEquals(ranks.stream().sorted().toList(), ranks);
        WebElement all = find("#risks-all");
        assertTrue(all.isDisplayed() && all.getText().startsWith("Näytä kaikki"), all.getText());

        // Narrowed to one reason: HUS, silent in 10/21, has never reported, in each of the five groups.
        new Select(find("#risk-kind")).selectByValue("NEVER_REPORTED");
        waitFor("#risks li[data-region='hus'][data-group='ICT']");
        List<WebElement> listed = driver().findElements(By.cssSelector("#risks li.risk"));
        assertTrue(listed.get(0).getText().contains("HUS"), listed.get(0).getText());
        assertTrue(
                texts("#risks li.risk").stream().allMatch(text -> !text.isBlank()), "every listed risk says something");
        assertTrue(
                listed.stream().allMatch(li -> li.getAttribute("data-reasons").contains("NEVER_REPORTED")),
                texts("#risks li.risk").toString());
    }

    @Test
    void aReportingRoundCanBeChosenAndShowsItsFrozenPicture() {
        String name = "Kierros " + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth()
                .oauth2(DevKeys.token("roadmap-admin", null))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        name,
                        "window",
                        Map.of("from", "2021-04-01", "to", "2021-12-31"),
                        "deadline",
                        "2023-01-01",
                        "at",
                        "2021-10-31T23:59:59Z"))
                .post("/api/v1/situation/snapshots")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        open(ROUND_10_21);
        waitFor("#snapshot option[value='" + id + "']");
        new Select(find("#snapshot")).selectByValue(id);
        new WebDriverWait(driver(), PATIENCE)
                .until(d -> find("#caption-scope").getText().contains(name));
        assertCell("etela-karjala", Group.HTT, "started", "57 %", "50–75 %");
        // the status line is rewritten after the table; wait for it rather than read it at once
        new WebDriverWait(driver(), PATIENCE)
                .until(d -> find("#status").getText().contains("Kiinteä tilanne"));
        assertFalse(find("#from").isEnabled(), "a round's window is fixed");
        assertTrue(driver().getCurrentUrl().contains("snapshot=" + id), "the round is kept in the address");
        Accessibility.assertNoViolations(driver(), "a frozen round in the heatmap");
        // the round's summary is a click away
        WebElement summary = find("#summary-link");
        assertTrue(summary.isDisplayed());
        summary.click();
        new WebDriverWait(driver(), PATIENCE)
                .until(d -> find("h1").getText().equals("Tilannekuvan yhteenveto " + name));
        assertTrue(driver().getCurrentUrl().endsWith("/rounds/" + id + "/summary?lang=fi"), driver().getCurrentUrl());
    }

    @Test
    void asOfAnInstantBetweenTheRoundsShowsThePictureAsItStoodThen() {
        // 15.9.2021: after the first round (everything NOT_STARTED), before the second.
        open(ROUND_10_21 + "&asOf=2021-09-15T00:00:00Z");
        new WebDriverWait(driver(), PATIENCE).until(d -> cell("etela-karjala", Group.HTT, "started")
                .findElement(By.className("pct"))
                .getText()
                .equals("0 %"));
        assertCell("etela-karjala", Group.HTT, "started", "0 %", "alle 25 %");
        assertTrue(
                find("#caption-scope").getText().contains("Tilanne"),
                find("#caption-scope").getText());
        assertFalse(find("#asOf").getAttribute("value").isBlank(), "the as-of selector shows the instant");
    }

    @Test
    void switchingLanguageRelabelsThePageInPlace() {
        open(ROUND_10_21);
        markThePage();
        driver().findElement(By.cssSelector(".languages a[data-lang='sv']")).click();
        assertEquals(
                "Förvaltning, ekonomi och stödtjänster",
                find("thead th[data-group='HTT'] .group-name").getText());
        assertEquals("Område", find("thead th.unit-col").getText());
        assertEquals("Antal uppgifter totalt", find("tr.tracked-row th").getText());
        assertEquals(
                "Inte rapporterad",
                find("tr[data-region='hus'] td.not-reported-cell").getText());
        assertEquals("Södra Karelen", find("tr[data-region='etela-karjala'] th").getText());
        assertEquals("Hela landet", firstLine(find("tr[data-national] th")));
        assertEquals("sv", find("html").getAttribute("lang"));

        driver().findElement(By.cssSelector(".languages a[data-lang='en']")).click();
        assertEquals(
                "Administration, finance and support services",
                find("thead th[data-group='HTT'] .group-name").getText());
        assertEquals(
                "Not reported",
                find("tr[data-region='hus'] td.not-reported-cell").getText());
        assertEquals("Etelä-Karjala", find("tr[data-region='etela-karjala'] th").getText());
        assertEquals(
                "57%",
                cell("etela-karjala", Group.HTT, "started")
                        .findElement(By.className("pct"))
                        .getText());
        assertTrue(thePageWasNotReloaded(), "the language changed without a reload");
        assertTrue(driver().getCurrentUrl().contains("lang=en"), "the language is kept in the address");
    }

    @Test
    void theTileMapColoursEachUnitByTheChosenGroupsBandAndOpensItsDrillDown() {
        long n = System.nanoTime() % 100_000;
        TenTwentyOne.freezeRound("Kartta syyskuu " + n, TenTwentyOne.FIRST_ROUND.plusSeconds(2400));
        TenTwentyOne.freezeRound("Kartta lokakuu " + n, TenTwentyOne.SECOND_ROUND.plusSeconds(2400));
        open(ROUND_10_21);
        WebElement karelia = waitFor("#map a[data-region='etela-karjala']");
        // HTT by default: Etelä-Karjala 57 %, the 50–75 % band, as in its table cell
        assertEquals("FROM_50_TO_75", karelia.getAttribute("data-band"));
        assertEquals("EKA", karelia.findElement(By.className("tile-code")).getText());
        assertEquals("57 %", karelia.findElement(By.className("tile-value")).getText());
        assertTrue(karelia.getText().contains("Etelä-Karjala"), "the full name is read out: " + karelia.getText());
        assertEquals("ei rap.", find("#map a[data-region='hus'] .tile-value").getText(), "HUS not reported, never 0 %");
        assertEquals(23, driver().findElements(By.cssSelector("#map a")).size());
        // another group: every tile shows that group's percent from the table
        new Select(find("#map-group")).selectByValue("ICT");
        new WebDriverWait(driver(), PATIENCE)
                .until(d -> find("#map-measure").getText().equals("Eteneminen: ICT"));
        for (Map.Entry<String, int[]> unit : TenTwentyOne.PROGRESS_PERCENT.entrySet()) {
            int percent = unit.getValue()[Group.ICT.ordinal()];
            String tile = find("#map a[data-region='" + unit.getKey() + "'] .tile-value")
                    .getText();
            assertEquals(percent + " %", tile, unit.getKey());
        }
        assertTrue(driver().getCurrentUrl().contains("mapGroup=ICT"), "the map's group is kept in the address");
        // each row's sparkline follows the map's group: Kainuu's ICT progress at every frozen round, in words too
        List<Integer> ict = given().get("/api/v1/situation/trends?region=kainuu")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("units[0].groups.ICT.progressPercent");
        WebElement spark = waitFor("tr[data-region='kainuu'] td.trend-cell .spark canvas");
        String described = find("tr[data-region='kainuu'] td.trend-cell .spark").getAttribute("aria-label");
        String series = String.join(
                " → ", ict.stream().map(v -> v == null ? "–" : v + "\u00a0%").toList());
        assertTrue(described.startsWith("Kainuu, ICT: eteneminen " + series + ";"), described + " vs " + series);
        assertTrue(spark.isDisplayed());
        Accessibility.assertNoViolations(driver(), "the heatmap with its tile map");
        find("#map a[data-region='kainuu']").click();
        new WebDriverWait(driver(), PATIENCE).until(ExpectedConditions.urlContains("/units/kainuu"));
        new WebDriverWait(driver(), PATIENCE).until(d -> find("h1").getText().equals("Kainuu"));
    }

    @Test
    void aUnitPageChartsItsTrendAndForecastWithTheNumbersAsATable() {
        long n = System.nanoTime() % 100_000;
        TenTwentyOne.freezeRound("Kehitys syyskuu " + n, TenTwentyOne.FIRST_ROUND.plusSeconds(1800));
        TenTwentyOne.freezeRound("Kehitys lokakuu " + n, TenTwentyOne.SECOND_ROUND.plusSeconds(1800));
        JsonPath trends = given().get("/api/v1/situation/trends?region=kainuu")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath forecast = given().get("/api/v1/situation/forecast?region=kainuu")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        driver().get(root + "units/kainuu?lang=fi");
        // the public page has no token: it says whom the stale data is for (RoundSummaryTest reads it as a reader)
        new WebDriverWait(driver(), PATIENCE)
                .until(d -> !find("#stale-note").getText().isBlank());
        assertTrue(
                find("#stale-note").getText().contains("valtuutetuille"),
                find("#stale-note").getText());
        assertEquals(List.of(), texts("#stale-list li"));
        new WebDriverWait(driver(), PATIENCE)
                .until(d -> !find("#trend-note").getText().isBlank());
        assertTrue(
                find("#trend-note").getText().contains("jäädytettyä kierrosta"),
                "the trend loaded: " + find("#trend-note").getText());
        WebElement htt = waitFor("#trend-groups figure[data-group='HTT'] .trend-chart canvas");
        assertTrue(htt.isDisplayed(), "uPlot drew the chart");
        List<String> rounds = trends.getList("rounds.name");
        List<Integer> progress = trends.getList("units[0].groups.HTT.progressPercent");
        List<WebElement> rows =
                driver().findElements(By.cssSelector("#trend-groups figure[data-group='HTT'] .trend-table tbody tr"));
        assertEquals(rounds.size(), rows.size(), "a row per frozen round");
        for (int i = 0; i < rows.size(); i++) {
            String text = rows.get(i).getText();
            assertTrue(text.startsWith(rounds.get(i)), text);
            assertTrue(
                    progress.get(i) == null ? text.contains("–") : text.contains(progress.get(i) + " %"),
                    text + " vs " + progress.get(i));
        }
        Number projected = forecast.get("units[0].groups.HTT.projected");
        String forecastText =
                find("#trend-groups figure[data-group='HTT'] .forecast").getText();
        assertTrue(
                projected == null
                        ? forecastText.startsWith("Ei ennustetta")
                        : forecastText.contains("valmiina " + Math.round(projected.doubleValue()) + " %"),
                forecastText + " vs " + projected);
        if (rounds.size() >= 2) {
            assertTrue(
                    find("#trend-groups figure[data-group='HTT'] .movement")
                            .getText()
                            .startsWith("Eteneminen " + rounds.get(rounds.size() - 2) + " → "),
                    "the last movement explained");
        }
        Accessibility.assertNoViolations(driver(), "a unit's trend and forecast");
        browser.screenshot(Path.of("target/dashboard-unit-trend.png"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyControlIsReachableByKeyboardWithAVisibleFocusAndThePageReflowsAtDoubleZoom() {
        open(ROUND_10_21);
        waitFor("#map a[data-region='lappi']");
        ((JavascriptExecutor) driver()).executeScript("document.activeElement && document.activeElement.blur();");
        Set<String> reached = new LinkedHashSet<>();
        List<String> invisible = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            new Actions(driver()).sendKeys(Keys.TAB).perform();
            Map<String, Object> focus = (Map<String, Object>) ((JavascriptExecutor) driver())
                    .executeScript("const e = document.activeElement; const s = getComputedStyle(e);"
                            + "return {name: e.id || (e.dataset && e.dataset.region ? 'tile:' + e.dataset.region : '')"
                            + " || e.getAttribute('name') || e.getAttribute('href') || e.tagName,"
                            + " outline: s.outlineStyle, width: parseFloat(s.outlineWidth)};");
            String name = String.valueOf(focus.get("name"));
            if (name.equals("BODY")) {
                continue; // past the last control, the focus is the browser's
            }
            reached.add(name);
            if ("none".equals(focus.get("outline")) || ((Number) focus.get("width")).doubleValue() < 2) {
                invisible.add(name);
            }
        }
        assertTrue(
                reached.containsAll(List.of(
                        "view",
                        "snapshot",
                        "from",
                        "to",
                        "asOf",
                        "now",
                        "csv",
                        "map-group",
                        "tile:lappi",
                        "risk-kind")),
                "reached by Tab: " + reached);
        assertTrue(reached.stream().anyMatch(name -> name.startsWith("/units/")), "the units' links: " + reached);
        assertEquals(List.of(), invisible, "every focused control shows its focus");

        // 200 % zoom of a 1600 px window: the page reflows into 800 CSS px, only the wide table scrolls inside its box
        driver().manage().window().setSize(new Dimension(800, 1250));
        try {
            open(ROUND_10_21);
            waitFor("#map a[data-region='lappi']");
            Number overflow = (Number) ((JavascriptExecutor) driver())
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(overflow.intValue() <= 0, "no sideways scrolling of the page at 800 px: " + overflow);
            Accessibility.assertNoViolations(driver(), "the heatmap at 200 % zoom");
        } finally {
            driver().manage().window().setSize(new Dimension(1600, 1250));
        }
    }

    @Test
    void clickingAUnitOpensItsDrillDown() {
        open(ROUND_10_21);
        driver().findElement(By.cssSelector("tr[data-region='etela-karjala'] th a"))
                .click();
        new WebDriverWait(driver(), PATIENCE).until(ExpectedConditions.urlContains("/units/etela-karjala"));
        WebElement inProgress = waitFor("tr[data-subtask='HTT-A-1.1']");
        assertEquals("Etelä-Karjala", find("h1").getText());
        // HTT-A-1.1 started IN_PROGRESS, its schedule ended 31.12.2021, it is critical and not done: overdue.
        assertTrue(inProgress.getText().contains("Käynnissä"), inProgress.getText());
        assertTrue(inProgress.getText().contains("Myöhässä"), inProgress.getText());
        assertTrue(find("tr[data-subtask='HTT-A-1.3']").getText().contains("Valmis"));
        assertTrue(find("tr[data-subtask='HTT-A-1.69']").getText().contains("Ei aloitettu"));
        browser.screenshot(Path.of("target/dashboard-unit.png"));
        Accessibility.assertNoViolations(driver(), "a unit's drill-down");
        driver().findElement(By.id("back")).click();
        waitFor(cellSelector("etela-karjala", Group.HTT, "started") + " .pct");
    }

    @Test
    void aNewStatusEventChangesThePageWithoutAReload() {
        open(SANDBOX_WINDOW);
        WebElement before = waitFor(cellSelector("kainuu", Group.YP, "started") + " .count");
        String[] counted = before.getText().split("/");
        int started = Integer.parseInt(counted[0]);
        markThePage();

        String subtask = TenTwentyOne.sandboxSubtask();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings()
                    .fromRecords(TenTwentyOne.record(
                            "status-changed",
                            "kainuu",
                            TenTwentyOne.statusEvent(
                                    "kainuu", subtask, 1, Status.DONE, null, null, false, Instant.now())))
                    .awaitCompletion(Duration.ofSeconds(30));
        }

        String expected = (started + 1) + "/" + counted[1];
        // the cell is re-rendered when the update lands: an element found just before is stale, look again
        new WebDriverWait(driver(), PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> cell("kainuu", Group.YP, "started")
                        .findElement(By.className("count"))
                        .getText()
                        .equals(expected));
        assertTrue(thePageWasNotReloaded(), "the page updated itself in place");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void open(String query) {
        driver().get(root + query);
        waitFor("tr[data-region='hus'] td.not-reported-cell");
    }

    private static WebDriver driver() {
        return browser.driver;
    }

    private static WebElement find(String css) {
        return driver().findElement(By.cssSelector(css));
    }

    private static List<String> texts(String css) {
        List<String> texts = new ArrayList<>();
        for (WebElement element : driver().findElements(By.cssSelector(css))) {
            texts.add(element.getText());
        }
        return texts;
    }

    private static WebElement waitFor(String css) {
        return new WebDriverWait(driver(), PATIENCE)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private static String cellSelector(String region, Group group, String measure) {
        return "tr[data-region='" + region + "'] td[data-group='" + group + "'][data-measure='" + measure + "']";
    }

    private static WebElement cell(String region, Group group, String measure) {
        return find(cellSelector(region, group, measure));
    }

    private static void assertCell(String region, Group group, String measure, String percent, String band) {
        WebElement cell = cell(region, group, measure);
        String where = region + " " + group + " " + measure;
        assertEquals(percent, cell.findElement(By.className("pct")).getText(), where);
        // The band is named in text after its glyph, not only coloured.
        assertEquals(
                band, cell.findElement(By.className("band-label")).getText().substring(2), where);
    }

    /** The Finnish band label the legend uses for a percentage (contract: 0–24, 25–49, 50–75, 76–100). */
    private static String bandLabel(int percent) {
        if (percent < 25) {
            return "alle 25 %";
        }
        if (percent < 50) {
            return "25–49 %";
        }
        return percent <= 75 ? "50–75 %" : "yli 75 %";
    }

    private static int roundHalfUp(int n, int of) {
        return (200 * n + of) / (2 * of);
    }

    private static String firstLine(WebElement element) {
        return element.getText().lines().findFirst().orElse("");
    }

    /** Leaves a mark in the page's memory; a reload would wipe it. */
    private static void markThePage() {
        ((JavascriptExecutor) driver()).executeScript("window.__dashboardMark = 'still here';");
    }

    private static boolean thePageWasNotReloaded() {
        return "still here".equals(((JavascriptExecutor) driver()).executeScript("return window.__dashboardMark;"));
    }
}
