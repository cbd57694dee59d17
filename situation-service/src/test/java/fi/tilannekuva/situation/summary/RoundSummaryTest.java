package fi.tilannekuva.situation.summary;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The round summary restates the frozen rounds exactly (percents, changes in percentage points), adds status-service's
 * completeness, names the units that did not report and the top risks, and lists support requests only to callers
 * allowed to see them.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
@WithTestResource(value = StatusServiceStandIn.class, scope = TestResourceScope.GLOBAL)
class RoundSummaryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private SummaryWorld world;

    @BeforeEach
    void world() {
        world = SummaryWorld.ensure(bootstrapServers);
    }

    private static JsonPath frozen(String round, String measure) {
        return given().get("/api/v1/situation/snapshots/" + round + "/" + measure)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theSummaryRestatesTheFrozenRoundWithItsChangesCompletenessAndTopRisks() {
        JsonPath summary = given().get("/api/v1/situation/rounds/" + world.round + "/summary")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .extract()
                .jsonPath();
        assertEquals(world.name, summary.getString("round.name"));
        assertEquals(world.before, summary.getString("previous.id"), "the round frozen last before");

        JsonPath progress = frozen(world.round, "progress");
        JsonPath readiness = frozen(world.round, "readiness");
        JsonPath progressBefore = frozen(world.before, "progress");
        JsonPath readinessBefore = frozen(world.before, "readiness");
        int compared = 0;
        int changed = 0;
        for (String[] unit : TenTwentyOne.UNITS) {
            String row = "units.find { it.region == '" + unit[0] + "' }";
            String pRow = "rows.find { it.region == '" + unit[0] + "' }";
            assertEquals(progress.getBoolean(pRow + ".reported"), summary.getBoolean(row + ".reported"), unit[0]);
            for (Group group : Group.values()) {
                Integer p = progress.get(pRow + ".cells." + group + ".percent");
                Integer done = readiness.get(pRow + ".cells." + group + ".donePercent");
                Integer doneBefore = readinessBefore.get(pRow + ".cells." + group + ".donePercent");
                Integer pBefore = progressBefore.get(pRow + ".cells." + group + ".percent");
                String cell = row + ".cells." + group;
                assertEquals(p, summary.get(cell + ".progressPercent"), unit[0] + " " + group);
                assertEquals(done, summary.get(cell + ".donePercent"), unit[0] + " " + group);
                assertEquals(
                        p == null || pBefore == null ? null : p - pBefore,
                        summary.get(cell + ".progressChange"),
                        unit[0] + " " + group);
                Integer doneChange = summary.get(cell + ".doneChange");
                assertEquals(done == null || doneBefore == null ? null : done - doneBefore, doneChange);
                compared++;
                changed += doneChange != null && doneChange != 0 ? 1 : 0;
            }
        }
        assertEquals(23 * 5, compared);
        // Lappi's sandbox subtask went DELAYED between the rounds: its YP in-progress share moved.
        Integer ypBefore = readinessBefore.get("rows.find { it.region == 'lappi' }.cells.YP.inProgressPercent");
        Integer ypNow = readiness.get("rows.find { it.region == 'lappi' }.cells.YP.inProgressPercent");
        assertTrue(ypNow > ypBefore, "the DELAYED subtask counts as in progress");
        assertEquals(ypNow - ypBefore, summary.getInt("units.find { it.region == 'lappi' }.cells.YP.inProgressChange"));
        assertEquals(
                progress.getInt("national.cells.HTT.percent"), summary.getInt("national.cells.HTT.progressPercent"));

        // status-service's completeness, joined per unit
        assertEquals(TenTwentyOne.UNITS.length - 2, summary.getInt("completeness.onTime"));
        assertEquals(1, summary.getInt("completeness.late"));
        assertEquals(1, summary.getInt("completeness.missing"));
        assertEquals(86, summary.getInt("completeness.coveragePercent"));
        assertEquals("LATE", summary.getString("units.find { it.region == 'lappi' }.timeliness"));
        assertEquals(90, summary.getInt("units.find { it.region == 'lappi' }.coveragePercent"));
        assertEquals(List.of(SummaryWorld.MISSING_UNIT), summary.getList("notReported"));

        // the top five of the round's ranking, as /risks ranks it
        JsonPath risks = given().get("/api/v1/situation/risks?round=" + world.round + "&size=5")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(5, summary.getList("topRisks").size());
        assertEquals(risks.getList("risks.region"), summary.getList("topRisks.region"));
        assertEquals(risks.getList("risks.score"), summary.getList("topRisks.score"));
    }

    @Test
    void supportRequestsRaisedSinceThePreviousRoundAreOnlyForReadersAndTheUnitItself() {
        String url = "/api/v1/situation/rounds/" + world.round + "/summary";
        String open = given().get(url).then().statusCode(200).extract().asString();
        assertFalse(open.contains(SummaryWorld.SUPPORT_COMMENT), "a public caller never reads the comment");
        assertFalse(JsonPath.from(open).getBoolean("supportRequestsComplete"));
        assertEquals(List.of(), JsonPath.from(open).getList("newSupportRequests"));

        JsonPath reader = given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get(url)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(reader.getBoolean("supportRequestsComplete"));
        List<Map<String, Object>> raised = reader.getList("newSupportRequests");
        assertEquals(1, raised.size(), "only the request raised between the two rounds: " + raised);
        assertEquals(SummaryWorld.SUPPORT_UNIT, raised.get(0).get("region"));
        assertEquals(world.supportSubtask, raised.get(0).get("subtask"));
        assertEquals("YP", raised.get(0).get("group"));
        assertEquals(SummaryWorld.SUPPORT_COMMENT, raised.get(0).get("comment"));

        given().auth()
                .oauth2(DevKeys.token("region-reporter", SummaryWorld.SUPPORT_UNIT))
                .get(url)
                .then()
                .statusCode(200)
                .body("newSupportRequests.size()", equalTo(1))
                .body("supportRequestsComplete", equalTo(false));
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "kainuu"))
                .get(url)
                .then()
                .statusCode(200)
                .body("newSupportRequests.size()", equalTo(0))
                .body(not(containsString(SummaryWorld.SUPPORT_COMMENT)));
        given().get("/rounds/" + world.round + "/summary?lang=fi")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(not(containsString(SummaryWorld.SUPPORT_COMMENT)));
    }

    @Test
    void staleDataIsStatusServicesAskedWithTheCallersOwnTokenForReadersAndTheUnitOnly() {
        String path = "/api/v1/regions/kainuu/stale";
        StatusServiceStandIn.servePath(
                path,
                "{\"region\":\"kainuu\",\"rounds\":2,\"before\":\"2021-09-01T05:00:00Z\",\"subtasks\":["
                        + "{\"subtask\":\"HTT-A-1.2\",\"group\":\"HTT\",\"lastAt\":null,\"roundsSince\":null}]}");
        String reader = DevKeys.token("reader", null);
        given().auth()
                .oauth2(reader)
                .get("/api/v1/situation/units/kainuu/stale")
                .then()
                .statusCode(200)
                .body("rounds", equalTo(2))
                .body("subtasks[0].subtask", equalTo("HTT-A-1.2"))
                .body("subtasks[0].lastAt", equalTo(null));
        assertEquals("Bearer " + reader, StatusServiceStandIn.lastAuthorization(path), "the caller's token, passed on");
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "kainuu"))
                .get("/api/v1/situation/units/kainuu/stale")
                .then()
                .statusCode(200);
        given().get("/api/v1/situation/units/kainuu/stale")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "lappi"))
                .get("/api/v1/situation/units/kainuu/stale")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(reader)
                .get("/api/v1/situation/units/kainuu/stale?rounds=0")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("rounds"));
    }

    @Test
    void theCsvAndTheWorkbookCarryTheSameFigures() {
        JsonPath summary = given().get("/api/v1/situation/rounds/" + world.round + "/summary")
                .then()
                .extract()
                .jsonPath();
        String csv = given().get("/api/v1/situation/rounds/" + world.round + "/summary.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("summary-" + world.round + ".csv"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertEquals(1 + 1 + TenTwentyOne.UNITS.length, lines.size(), "header, the nation, the units");
        assertTrue(lines.get(0).contains("HTT progress") && lines.get(0).contains("ICT doneChange"), lines.get(0));
        String lappi = lines.stream()
                .filter(line -> line.contains(",lappi,"))
                .findFirst()
                .orElseThrow();
        assertTrue(lappi.contains(",LATE,90,"), lappi);
        Integer htt = summary.get("units.find { it.region == 'lappi' }.cells.HTT.progressPercent");
        assertTrue(lappi.contains(",LATE,90," + htt + ","), lappi);
        byte[] xlsx = given().get("/api/v1/situation/rounds/" + world.round + "/summary.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertTrue(xlsx.length > 1000 && xlsx[0] == 'P' && xlsx[1] == 'K', "a workbook (zip)");
    }

    @Test
    void anAdHocFreezeHasNoCompletenessAnUnknownRoundIs404AndAFailingStatusServiceIs503() {
        String adHoc =
                TenTwentyOne.freezeRound("Yhteenveto tilapäinen " + System.nanoTime(), TenTwentyOne.SECOND_ROUND);
        JsonPath summary = given().get("/api/v1/situation/rounds/" + adHoc + "/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertNull(summary.get("completeness"));
        assertNotNull(summary.get("units"));
        assertEquals(List.of("hus"), summary.getList("notReported"), "no calendar: the units that never reported");
        given().get("/api/v1/situation/rounds/ei-ole/summary")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        String failing = TenTwentyOne.freezeRound("Yhteenveto katkos " + System.nanoTime(), TenTwentyOne.SECOND_ROUND);
        StatusServiceStandIn.fail(failing, 500);
        given().get("/api/v1/situation/rounds/" + failing + "/summary")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", containsString("rounds-unavailable"));
    }
}
