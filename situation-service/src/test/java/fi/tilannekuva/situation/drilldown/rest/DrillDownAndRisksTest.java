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

    /** The subtasks of every reason with this code in a risk answer. */
    private static List<String> subtasksOf(JsonPath risks, String code) {
        return risks.getList("risks.reasons.flatten().findAll { it.code == '" + code + "' }.subtasks.flatten()");
    }

    @Test
    void risksAreRankedOnePerUnitAndGroupByADocumentedScore() {
        String subtask = reportWithComment("varsinais-suomi", Status.DELAYED, "Tarvitaan tukea");
        JsonPath risks = given().get("/api/v1/situation/risks?size=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> signals = risks.getList("risks");
        assertEquals(risks.getInt("total"), signals.size());
        java.util.Set<String> cells = new java.util.HashSet<>();
        for (int i = 0; i < signals.size(); i++) {
            Map<String, Object> signal = signals.get(i);
            assertEquals(i + 1, signal.get("rank"), "ranked 1, 2, 3, …");
            double score = ((Number) signal.get("score")).doubleValue();
            if (i > 0) {
                assertTrue(((Number) signals.get(i - 1).get("score")).doubleValue() >= score, "highest score first");
            }
            List<Map<String, Object>> reasons = (List<Map<String, Object>>) signal.get("reasons");
            double sum = reasons.stream()
                    .mapToDouble(reason -> ((Number) reason.get("points")).doubleValue())
                    .sum();
            assertEquals(sum, score, 0.11, "the score is the sum of its reasons' points: " + signal);
            assertEquals(score >= 40 ? "HIGH" : score >= 15 ? "MEDIUM" : "LOW", signal.get("severity"));
            assertTrue(cells.add(signal.get("region") + "/" + signal.get("group")), "one signal per unit × group");
        }
        // HUS, silent in 10/21: in each group, only that it never reported, and high
        List<Map<String, Object>> hus = risks.getList("risks.findAll { it.region == 'hus' }");
        assertEquals(5, hus.size());
        for (Map<String, Object> signal : hus) {
            assertEquals(100.0, ((Number) signal.get("score")).doubleValue());
            assertEquals("HIGH", signal.get("severity"));
            assertEquals(
                    List.of("NEVER_REPORTED"),
                    ((List<Map<String, Object>>) signal.get("reasons"))
                            .stream().map(reason -> reason.get("code")).toList());
        }
        assertFalse(subtasksOf(risks, "OVERDUE_CRITICAL").isEmpty());
        assertTrue(subtasksOf(risks, "DELAYED").contains(subtask));
        // a page is a slice of the same ranking
        JsonPath page = given().get("/api/v1/situation/risks?page=1&size=5").jsonPath();
        assertEquals(List.of(6, 7, 8, 9, 10), page.getList("risks.rank"));
        assertEquals(
                signals.subList(5, 10).stream()
                        .map(signal -> signal.get("region") + "/" + signal.get("group"))
                        .toList(),
                page.getList("risks.collect { it.region + '/' + it.group }"));

        // Below the peer median: recounted from the progress table over the same window.
        JsonPath below = given().get("/api/v1/situation/risks?reason=BELOW_PEER_MEDIAN&size=500")
                .jsonPath();
        assertEquals(below.getInt("total"), risks.getInt("reasonCounts.BELOW_PEER_MEDIAN"));
        assertTrue(below.getInt("total") > 0, "someone is 10 points below the others in 10/21");
        JsonPath progress = given().get("/api/v1/situation/progress?from=" + risks.getString("window.from") + "&to="
                        + risks.getString("window.to"))
                .jsonPath();
        for (Map<String, Object> signal : below.<Map<String, Object>>getList("risks")) {
            String region = (String) signal.get("region");
            String group = (String) signal.get("group");
            List<Integer> others = progress
                    .<Integer>getList("rows.findAll { it.region != '" + region + "' }.cells." + group + ".percent")
                    .stream()
                    .filter(java.util.Objects::nonNull)
                    .sorted()
                    .toList();
            int n = others.size();
            double median = n % 2 == 1 ? others.get(n / 2) : (others.get(n / 2 - 1) + others.get(n / 2)) / 2.0;
            int own = progress.getInt("rows.find { it.region == '" + region + "' }.cells." + group + ".percent");
            Map<String, Object> reason = ((List<Map<String, Object>>) signal.get("reasons"))
                    .stream()
                            .filter(r -> r.get("code").equals("BELOW_PEER_MEDIAN"))
                            .findFirst()
                            .orElseThrow();
            assertEquals(median, ((Number) reason.get("reference")).doubleValue(), region + " " + group);
            assertEquals(median - own, ((Number) reason.get("value")).doubleValue(), 0.001, region + " " + group);
            assertTrue(median - own >= 10);
        }

        given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get("/api/v1/situation/risks?region=varsinais-suomi&group=YP")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("risks[0].reasons.find { it.code == 'SUPPORT_REQUESTED' }.subtasks", hasItem(subtask))
                .body("risks[0].message.fi", org.hamcrest.Matchers.containsString("tukipyyntö"));
        given().get("/api/v1/situation/risks?group=XYZ").then().statusCode(400);
        given().get("/api/v1/situation/risks?reason=OVERDUE_CRITICAL,LATELY&size=0&asOf=2021-10-31T00:00:00Z&round=x")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("reason", "size", "round"));
        String csv = given().get("/api/v1/situation/risks.csv?size=5")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(6, lines.length, csv);
        assertTrue(
                lines[0].startsWith("rank,region,name,group,score,severity,progressPercent,NEVER_REPORTED"), lines[0]);
        assertTrue(lines[1].startsWith("1," + signals.get(0).get("region") + ","), lines[1]);
    }

    @Test
    void supportRequestsAreListedOnlyForAReaderOrTheUnitsOwnToken() {
        String subtask = reportWithComment("pohjois-savo", Status.IN_PROGRESS, "Tarvitaan tukea");
        String own = "risks.findAll { it.region == 'pohjois-savo' }.reasons.flatten()"
                + ".findAll { it.code == 'SUPPORT_REQUESTED' }.subtasks.flatten()";
        // anonymous (the public dashboard) and an expired or foreign token: the other signals, no support request
        given().get("/api/v1/situation/risks")
                .then()
                .statusCode(200)
                .body("risks.region", hasItem("hus"))
                .body("risks.reasons.flatten().code", not(hasItem("SUPPORT_REQUESTED")))
                .body("reasonCounts.SUPPORT_REQUESTED", equalTo(0))
                .body(not(org.hamcrest.Matchers.containsString("Tarvitaan tukea")));
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "kainuu"))
                .get("/api/v1/situation/risks?region=pohjois-savo")
                .then()
                .statusCode(200)
                .body("risks.reasons.flatten().code", not(hasItem("SUPPORT_REQUESTED")));
        // a region claim that only looks like the unit once quotes are stripped is another unit
        String lookalike = DevKeys.token("region-reporter", "pohjois\"-savo");
        given().auth()
                .oauth2(lookalike)
                .get("/api/v1/situation/risks?region=pohjois-savo")
                .then()
                .statusCode(200)
                .body("risks.reasons.flatten().code", not(hasItem("SUPPORT_REQUESTED")));
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
        assertTrue(subtasksOf(now, "DELAYED").contains(subtask), now.prettify());
        assertFalse(subtasksOf(then, "DELAYED").contains(subtask), then.prettify());
        // Overdue is judged against 15 October 2021: only subtasks whose schedule ended before that day.
        List<String> overdueThen = subtasksOf(then, "OVERDUE_CRITICAL");
        List<String> overdueNow = subtasksOf(now, "OVERDUE_CRITICAL");
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
