package fi.tilannekuva.situation.drilldown.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
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
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A unit's and a subtask's drill-down, who may read comments, and the risk list. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class DrillDownAndRisksTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    private String reportWithComment(String region, Status status, String comment) {
        String subtask = TenTwentyOne.sandboxSubtask();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion
                    .produceStrings()
                    .fromRecords(TenTwentyOne.record(
                            "status-changed",
                            region,
                            TenTwentyOne.statusEvent(
                                    region,
                                    subtask,
                                    1,
                                    status,
                                    null,
                                    comment,
                                    true,
                                    Instant.parse("2022-04-01T08:00:00Z"))))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> status.name()
                .equals(given().get("/api/v1/situation/subtasks/" + subtask)
                        .jsonPath()
                        .getString("units.find { it.region == '" + region + "' }.status")));
        return subtask;
    }

    private static String subtaskPath(String subtask) {
        return "groups.find { it.group == 'YP' }.subtasks.find { it.id == '" + subtask + "' }";
    }

    @Test
    void commentsAndSupportRequestsAreForReadersAndTheUnitItself() {
        String subtask = reportWithComment("keski-suomi", Status.DELAYED, "Toimittajan aikataulu venyy");
        String path = subtaskPath(subtask);
        given().get("/api/v1/situation/units/keski-suomi")
                .then()
                .statusCode(200)
                .body(path + ".status", equalTo("DELAYED"))
                .body(path + ".comment", nullValue())
                .body(path + ".supportNeeded", nullValue());
        given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get("/api/v1/situation/units/keski-suomi")
                .then()
                .statusCode(200)
                .body(path + ".comment", equalTo("Toimittajan aikataulu venyy"))
                .body(path + ".supportNeeded", equalTo(true));
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "keski-suomi"))
                .get("/api/v1/situation/units/keski-suomi")
                .then()
                .statusCode(200)
                .body(path + ".comment", equalTo("Toimittajan aikataulu venyy"));
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "lappi"))
                .get("/api/v1/situation/units/keski-suomi")
                .then()
                .statusCode(200)
                .body(path + ".comment", nullValue());
    }

    @Test
    void aUnitsViewListsItsTrackedSubtasksWithOverdueFlags() {
        JsonPath helsinki = given().get("/api/v1/situation/units/helsinki")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(true, helsinki.getBoolean("reported"));
        List<String> pj = helsinki.getList("groups.find { it.group == 'PJ' }.subtasks.id");
        assertTrue(pj.containsAll(List.of("PJ-H-1.1", "PJ-H-1.4")), "Helsinki's own subtasks are tracked for it");
        assertTrue(pj.stream().noneMatch(id -> id.startsWith("PJ-B")), "non-critical subtasks are not tracked");
        // PJ-A-1.1 is started (IN_PROGRESS) in 10/21, its schedule ended 2021-12-31: overdue today, not DONE
        Map<String, Object> first =
                helsinki.getMap("groups.find { it.group == 'PJ' }.subtasks.find { it.id == 'PJ-A-1.1' }");
        assertEquals("IN_PROGRESS", first.get("status"));
        assertEquals(true, first.get("overdue"));
        // PJ-A-1.3 is DONE: never overdue
        assertEquals(
                false,
                helsinki.getBoolean("groups.find { it.group == 'PJ' }.subtasks.find { it.id == 'PJ-A-1.3' }.overdue"));
        // as of 2021-10-31 nothing of Q3–Q4/2021 was overdue yet
        given().get("/api/v1/situation/units/helsinki?asOf=2021-10-31T23:59:59Z")
                .then()
                .statusCode(200)
                .body("groups.find { it.group == 'PJ' }.subtasks.find { it.id == 'PJ-A-1.1' }.overdue", equalTo(false));
        given().get("/api/v1/situation/units/lappi")
                .then()
                .statusCode(200)
                .body("groups.find { it.group == 'PJ' }.subtasks.id", org.hamcrest.Matchers.not(hasItem("PJ-H-1.1")));
        given().get("/api/v1/situation/units/nowhere").then().statusCode(404);
    }

    @Test
    void aSubtasksViewCountsStatusesOverTheUnitsItAppliesTo() {
        JsonPath view = given().get("/api/v1/situation/subtasks/PJ-H-1.1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, view.getList("units.findAll { it.applies }").size());
        assertEquals(1, view.getInt("counts.NOT_STARTED"), "Helsinki reported PJ-H-1.1 as not started");
        assertEquals(0, view.getInt("counts.UNREPORTED"));
        JsonPath common = given().get("/api/v1/situation/subtasks/HTT-A-1.69")
                .then()
                .extract()
                .jsonPath();
        assertEquals(23, common.getList("units.findAll { it.applies }").size());
        int sum = common.getMap("counts").values().stream()
                .mapToInt(v -> ((Number) v).intValue())
                .sum();
        assertEquals(23, sum);
        assertEquals(1, common.getInt("counts.UNREPORTED"), "HUS");
        given().get("/api/v1/situation/subtasks/NO-A-1.1").then().statusCode(404);
    }

    @Test
    void theLaggingListPutsTheLeastStartedCriticalSubtasksFirst() {
        List<Integer> percents = given().get("/api/v1/situation/subtasks?group=HTT")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("startedPercent");
        for (int i = 1; i < percents.size(); i++) {
            assertTrue(percents.get(i - 1) <= percents.get(i), "sorted ascending");
        }
    }

    @Test
    void risksAreSortedBySeverityAndNameWhatIsWrong() {
        String subtask = reportWithComment("varsinais-suomi", Status.DELAYED, "Tarvitaan tukea");
        JsonPath risks = given().get("/api/v1/situation/risks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> severities = risks.getList("risks.severity");
        List<String> order = List.of("HIGH", "MEDIUM", "LOW");
        for (int i = 1; i < severities.size(); i++) {
            assertTrue(order.indexOf(severities.get(i - 1)) <= order.indexOf(severities.get(i)), "sorted by severity");
        }
        assertEquals(
                "HIGH", risks.getString("risks.find { it.kind == 'NOT_REPORTED' && it.region == 'hus' }.severity"));
        assertTrue(risks.getList("risks.findAll { it.kind == 'OVERDUE_CRITICAL' && it.region == 'lappi' }")
                        .size()
                > 0);
        // Varsinais-Suomi: ICT 15 % and YP 20 % progress in 10/21 are in the lowest band
        assertEquals(
                List.of("YP", "ICT"),
                risks.getList("risks.findAll { it.kind == 'LOWEST_BAND' && it.region == 'varsinais-suomi' }.group"));
        given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get("/api/v1/situation/risks?region=varsinais-suomi&group=YP")
                .then()
                .statusCode(200)
                .body("risks.findAll { it.kind == 'DELAYED' }.subtask", hasItem(subtask))
                .body("risks.findAll { it.kind == 'SUPPORT_REQUESTED' }.subtask", hasItem(subtask))
                .body("risks.region", org.hamcrest.Matchers.everyItem(equalTo("varsinais-suomi")))
                .body(
                        "risks.find { it.kind == 'SUPPORT_REQUESTED' }.message.fi",
                        org.hamcrest.Matchers.containsString("tukea"));
        given().get("/api/v1/situation/risks?group=XYZ").then().statusCode(400);
    }

    @Test
    void supportRequestsAreListedOnlyForAReaderOrTheUnitsOwnToken() {
        String subtask = reportWithComment("pohjois-savo", Status.IN_PROGRESS, "Tarvitaan tukea");
        String own = "risks.findAll { it.kind == 'SUPPORT_REQUESTED' && it.region == 'pohjois-savo' }.subtask";
        // anonymous (the public dashboard) and an expired or foreign token: the other signals, no support request
        given().get("/api/v1/situation/risks")
                .then()
                .statusCode(200)
                .body("risks.findAll { it.kind == 'NOT_REPORTED' }.region", hasItem("hus"))
                .body("risks.kind", not(hasItem("SUPPORT_REQUESTED")));
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "kainuu"))
                .get("/api/v1/situation/risks?region=pohjois-savo")
                .then()
                .statusCode(200)
                .body("risks.kind", not(hasItem("SUPPORT_REQUESTED")));
        // a region claim that only looks like the unit once quotes are stripped is another unit
        String lookalike = DevKeys.token("region-reporter", "pohjois\"-savo");
        given().auth()
                .oauth2(lookalike)
                .get("/api/v1/situation/risks?region=pohjois-savo")
                .then()
                .statusCode(200)
                .body("risks.kind", not(hasItem("SUPPORT_REQUESTED")));
        given().auth()
                .oauth2(lookalike)
                .get("/api/v1/situation/units/pohjois-savo")
                .then()
                .statusCode(200)
                .body(subtaskPath(subtask) + ".comment", nullValue())
                .body(subtaskPath(subtask) + ".supportNeeded", nullValue());
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "pohjois-savo"))
                .get("/api/v1/situation/risks")
                .then()
                .statusCode(200)
                .body(own, hasItem(subtask));
        given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get("/api/v1/situation/risks")
                .then()
                .statusCode(200)
                .body(own, hasItem(subtask));
    }

    @Test
    void risksAsOfAnInstantAreJudgedAsThePictureStoodThenNotOnTheWallClock() {
        String subtask = reportWithComment("lappi", Status.DELAYED, "Myöhemmin raportoitu");
        String reader = DevKeys.token("reader", null);
        Instant asOf = TenTwentyOne.SECOND_ROUND.plusSeconds(3600);
        JsonPath now = given().auth()
                .oauth2(reader)
                .get("/api/v1/situation/risks?region=lappi")
                .jsonPath();
        JsonPath then = given().auth()
                .oauth2(reader)
                .get("/api/v1/situation/risks?region=lappi&asOf=" + asOf)
                .jsonPath();
        assertEquals(asOf.toString(), then.getString("asOf"));
        // The report recorded in 2022 is in today's risks, and not in those of October 2021.
        assertTrue(
                now.getList("risks.subtask").contains(subtask),
                now.getList("risks.subtask").toString());
        assertFalse(
                then.getList("risks.subtask").contains(subtask),
                then.getList("risks.subtask").toString());
        // Overdue is judged against 15 October 2021: only subtasks whose schedule ended before that day.
        List<String> overdueThen = then.getList("risks.findAll { it.kind == 'OVERDUE_CRITICAL' }.subtasks.flatten()");
        List<String> overdueNow = now.getList("risks.findAll { it.kind == 'OVERDUE_CRITICAL' }.subtasks.flatten()");
        assertTrue(overdueNow.size() > overdueThen.size(), overdueThen.size() + " then, " + overdueNow.size() + " now");
        assertTrue(overdueNow.contains(subtask), "the 2022 subtask reported DELAYED is overdue today");
        for (Group group : Group.values()) {
            JsonPath cell = given().get(
                            "/api/v1/situation/units/lappi/" + group + "/readiness?deadline=2030-01-01&asOf=" + asOf)
                    .jsonPath();
            List<Map<String, Object>> subtasks = cell.getList("subtasks");
            for (Map<String, Object> each : subtasks) {
                if (overdueThen.contains(each.get("id"))) {
                    assertTrue(
                            each.get("scheduleTo") != null
                                    && LocalDate.parse((String) each.get("scheduleTo"))
                                            .isBefore(LocalDate.of(2021, 10, 15)),
                            each.toString());
                }
            }
        }
        given().get("/api/v1/situation/risks?asOf=yesterday")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("asOf"));
    }
}
