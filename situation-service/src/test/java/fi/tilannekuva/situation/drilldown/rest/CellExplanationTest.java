package fi.tilannekuva.situation.drilldown.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Explain a cell": the explained cell is the table's cell, its counted subtasks are exactly the tracked ones, the
 * figures add up, every other subtask says why it is out, and a round or an instant is respected.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class CellExplanationTest {

    /** After the 10/21 round, before any sandbox report of the other tests (those are recorded in 2022). */
    private static final Instant AS_OF = TenTwentyOne.SECOND_ROUND.plusSeconds(3600);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    @Test
    void aProgressCellIsExplainedWithExactlyTheSubtasksTheTableCounts() {
        for (String region : List.of("lappi", "helsinki", "kainuu")) {
            for (Group group : Group.values()) {
                JsonPath explained = given().get("/api/v1/situation/units/" + region + "/" + group + "/progress?"
                                + TenTwentyOne.WINDOW + "&asOf=" + AS_OF)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                Map<String, Object> tableCell = given().get(
                                "/api/v1/situation/progress?" + TenTwentyOne.WINDOW + "&asOf=" + AS_OF)
                        .jsonPath()
                        .getMap("rows.find { it.region == '" + region + "' }.cells." + group);
                String where = region + " " + group;
                assertEquals(tableCell, explained.getMap("progress"), where + ": the table's own cell");
                List<Map<String, Object>> subtasks = explained.getList("subtasks");
                List<String> counted = subtasks.stream()
                        .filter(s -> s.get("reason").equals("COUNTED"))
                        .map(s -> (String) s.get("id"))
                        .toList();
                assertEquals(
                        new HashSet<>(TenTwentyOne.trackedIds(region, group)),
                        new HashSet<>(counted),
                        where + ": the counted subtasks are the tracked ones");
                assertEquals(tableCell.get("tracked"), counted.size(), where + ": tracked");
                long started = subtasks.stream()
                        .filter(s -> ((List<?>) s.get("countsIn")).contains("started"))
                        .count();
                assertEquals(((Number) tableCell.get("started")).longValue(), started, where + ": started");
                assertTrue(
                        explained.getString("formula.en").contains("started " + started + " of " + counted.size()),
                        where + ": " + explained.getString("formula.en"));
                assertEquals(TenTwentyOne.ROADMAP_VERSION, explained.getInt("roadmapVersion"));
            }
        }
    }

    @Test
    void everySubtaskOutOfTheCellSaysWhy() {
        JsonPath lappi = given().get(
                        "/api/v1/situation/units/lappi/PJ/progress?" + TenTwentyOne.WINDOW + "&asOf=" + AS_OF)
                .jsonPath();
        List<Map<String, Object>> subtasks = lappi.getList("subtasks");
        // Helsinki's own PJ subtasks do not apply to Lappi.
        for (Map<String, Object> subtask : subtasks) {
            if (((String) subtask.get("id")).startsWith("PJ-H-")) {
                assertEquals("NOT_APPLICABLE", subtask.get("reason"), subtask.toString());
                assertEquals(false, subtask.get("appliesToUnit"));
                assertEquals(List.of(), subtask.get("countsIn"));
            }
        }
        Set<Object> reasons = new HashSet<>();
        subtasks.forEach(s -> reasons.add(s.get("reason")));
        assertTrue(reasons.contains("NOT_APPLICABLE"), reasons.toString());
        assertTrue(reasons.contains("COUNTED"), reasons.toString());
        // The sandbox subtasks of the other tests are scheduled in 2022: outside a 2021 window, but counted for a
        // readiness deadline in 2023.
        JsonPath yp = given().get(
                        "/api/v1/situation/units/lappi/YP/progress?from=2021-04-01&to=2021-06-30&asOf=" + AS_OF)
                .jsonPath();
        assertTrue(
                yp.getList("subtasks.reason").contains("OUTSIDE_WINDOW"),
                yp.getList("subtasks.reason").toString());
    }

    @Test
    void aReadinessCellIsTheTablesCellWithDoneAndInProgressCounted() {
        JsonPath explained = given().get(
                        "/api/v1/situation/units/kainuu/HTT/readiness?deadline=2023-01-01&asOf=" + AS_OF)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> tableCell = given().get("/api/v1/situation/readiness?deadline=2023-01-01&asOf=" + AS_OF)
                .jsonPath()
                .getMap("rows.find { it.region == 'kainuu' }.cells.HTT");
        assertEquals(tableCell, explained.getMap("readiness"));
        List<Map<String, Object>> subtasks = explained.getList("subtasks");
        assertEquals(
                ((Number) tableCell.get("done")).longValue(),
                subtasks.stream()
                        .filter(s -> ((List<?>) s.get("countsIn")).contains("done"))
                        .count());
        assertEquals(
                ((Number) tableCell.get("inProgress")).longValue(),
                subtasks.stream()
                        .filter(s -> ((List<?>) s.get("countsIn")).contains("inProgress"))
                        .count());
        assertEquals("2023-01-01", explained.getString("deadline"));
    }

    @Test
    void aUnitThatHasNotReportedHasNoPercentageAndSaysSo() {
        JsonPath hus = given().get("/api/v1/situation/units/hus/JO/progress?" + TenTwentyOne.WINDOW + "&asOf=" + AS_OF)
                .jsonPath();
        assertFalse(hus.getBoolean("reported"));
        assertEquals(null, hus.getString("progress.percent"));
        assertTrue(hus.getString("formula.en").contains("not reported"), hus.getString("formula.en"));
        assertTrue(hus.getString("formula.fi").contains("ei ole raportoinut"), hus.getString("formula.fi"));
    }

    @Test
    void aFrozenRoundIsExplainedWithItsOwnWindowAndInstant() {
        String id = TenTwentyOne.freezeRound("Selitys " + System.nanoTime(), AS_OF);
        JsonPath round = given().get("/api/v1/situation/units/lappi/HTT/progress?round=" + id)
                .jsonPath();
        JsonPath instant = given().get(
                        "/api/v1/situation/units/lappi/HTT/progress?" + TenTwentyOne.WINDOW + "&asOf=" + AS_OF)
                .jsonPath();
        assertEquals(id, round.getString("round.id"));
        assertEquals(instant.getMap("progress"), round.getMap("progress"));
        assertEquals(instant.getList("subtasks"), round.getList("subtasks"));
        Map<String, Object> frozenCell = given().get("/api/v1/situation/snapshots/" + id + "/progress")
                .jsonPath()
                .getMap("rows.find { it.region == 'lappi' }.cells.HTT");
        assertEquals(frozenCell, round.getMap("progress"), "the round's frozen cell");
        // Before the first round nothing had been reported: the same cell, as of then, has no percentage.
        JsonPath before = given().get("/api/v1/situation/units/lappi/HTT/progress?" + TenTwentyOne.WINDOW + "&asOf="
                        + TenTwentyOne.PUBLISHED.plusSeconds(60))
                .jsonPath();
        assertFalse(before.getBoolean("reported"));
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        given().get("/api/v1/situation/units/lappi/XYZ/progress")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("group"));
        given().get("/api/v1/situation/units/lappi/JO/progress?round=any&asOf=" + AS_OF)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("round"));
        given().get("/api/v1/situation/units/lappi/JO/progress?from=2021-04-01")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("to"));
        given().get("/api/v1/situation/units/no-such-unit/JO/readiness")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no-such-unit"));
        given().get("/api/v1/situation/units/lappi/JO/progress?round=no-such-round")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
