package fi.tilannekuva.status.rest;

import static fi.tilannekuva.status.Reports.item;
import static fi.tilannekuva.status.Reports.post;
import static fi.tilannekuva.status.Reports.round;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.Rounds;
import fi.tilannekuva.status.TestRoadmaps;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A round as it happens, in real time through the real database: one unit reports on time, one confirms its statuses
 * unchanged, one reports late, one after the close, the others never; completeness, timeliness and coverage are
 * recounted from what each did and what the test roadmap tracks.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
class RoundCompletenessTest {

    private static final String ON_TIME = "kainuu";
    private static final String CONFIRMS = "pohjanmaa";
    private static final String LATE = "satakunta";
    private static final String AFTER_CLOSE = "kymenlaakso";

    /** The test roadmap's critical subtasks for a unit: JO-E-5.1–9 and the odd ICT-C subtasks (and HTT-H for Uusimaa). */
    private static List<String> tracked(String region) {
        return TestRoadmaps.subtasksOf(region).stream()
                .filter(id -> !id.startsWith("ICT-C-") || Integer.parseInt(id.substring(id.indexOf('.') + 1)) % 2 == 1)
                .toList();
    }

    /** Now, to the millisecond (reportedAt keeps at most microseconds). */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String token(String region) {
        return DevKeys.token("region-reporter", region);
    }

    /** POST a confirmation as {@code caller} for {@code region}. */
    private static io.restassured.response.ValidatableResponse confirm(String caller, String region, Object body) {
        return given().auth()
                .oauth2(token(caller))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/regions/" + region + "/confirmations")
                .then();
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis + 50);
        }
    }

    @Test
    void aRoundsCompletenessTimelinessAndCoverageEqualARecount() throws Exception {
        TestRoadmaps.ensurePublished();
        // before the round: the unit that will confirm has statuses to confirm
        List<String> confirmed = List.of("JO-E-5.1", "JO-E-5.2", "ICT-C-1.1", "ICT-C-1.2");
        post(
                        CONFIRMS,
                        round(
                                CONFIRMS,
                                now().minusSeconds(5).toString(),
                                confirmed.stream()
                                        .map(id -> item(id, "IN_PROGRESS"))
                                        .toList()))
                .statusCode(201);
        Thread.sleep(1100);
        Instant opens = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant due = opens.plusSeconds(15);
        Instant closes = opens.plusSeconds(20);
        String name = "Kierros nyt " + UUID.randomUUID().toString().substring(0, 6);
        String id = Rounds.plan(Rounds.round(name, opens, due, closes))
                .statusCode(201)
                .extract()
                .path("id");

        List<String> onTimeItems = List.of("JO-E-5.1", "JO-E-5.3", "ICT-C-2.1", "ICT-C-2.2");
        post(
                        ON_TIME,
                        round(
                                ON_TIME,
                                now().toString(),
                                onTimeItems.stream()
                                        .map(each -> item(each, "DONE"))
                                        .toList()))
                .statusCode(201);
        // "unchanged" for the statuses it has, twice: the second changes nothing
        confirm(CONFIRMS, CONFIRMS, "{}")
                .statusCode(200)
                .body("round", equalTo(id))
                .body("confirmed", equalTo(confirmed.size()));
        confirm(CONFIRMS, CONFIRMS, Map.of("subtasks", confirmed))
                .statusCode(200)
                .body("confirmed", equalTo(0))
                .body("alreadyConfirmed", equalTo(confirmed.size()));
        // a status it never reported cannot be confirmed; another unit's token confirms nothing
        confirm(CONFIRMS, CONFIRMS, Map.of("subtasks", List.of("JO-E-5.9", "NO-SUCH-1.1")))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("subtasks[1]"));
        confirm(LATE, CONFIRMS, "{}").statusCode(403);

        sleepUntil(due);
        List<String> lateItems = List.of("JO-E-5.4", "ICT-C-3.1", "ICT-C-3.3");
        post(
                        LATE,
                        round(
                                LATE,
                                now().toString(),
                                lateItems.stream()
                                        .map(each -> item(each, "IN_PROGRESS"))
                                        .toList()))
                .statusCode(201);
        sleepUntil(closes);
        post(AFTER_CLOSE, round(AFTER_CLOSE, now().toString(), List.of(item("JO-E-5.1", "DONE"))))
                .statusCode(201);
        confirm(CONFIRMS, CONFIRMS, "{}").statusCode(409).contentType("application/problem+json");

        JsonPath completeness = given().get("/api/v1/rounds/" + id + "/completeness")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(TestRoadmaps.VERSION, completeness.getInt("roadmapVersion"));
        assertEquals("CLOSED", completeness.getString("round.state"));
        Map<String, List<String>> coveredBy =
                Map.of(ON_TIME, onTimeItems, CONFIRMS, confirmed, LATE, lateItems, AFTER_CLOSE, List.of());
        Map<String, String> expected = Map.of(ON_TIME, "ON_TIME", CONFIRMS, "ON_TIME", LATE, "LATE");
        int onTime = 0;
        int late = 0;
        int sumTracked = 0;
        int sumCovered = 0;
        List<Map<String, Object>> units = completeness.getList("units");
        assertEquals(TestRoadmaps.UNITS.size(), units.size());
        for (Map<String, Object> unit : units) {
            String region = (String) unit.get("region");
            String timeliness = expected.getOrDefault(region, "MISSING");
            assertEquals(timeliness, unit.get("timeliness"), region);
            List<String> tracked = tracked(region);
            int covered = (int) coveredBy.getOrDefault(region, List.of()).stream()
                    .filter(tracked::contains)
                    .count();
            assertEquals(tracked.size(), unit.get("tracked"), region);
            assertEquals(covered, unit.get("covered"), region);
            assertEquals((200 * covered + tracked.size()) / (2 * tracked.size()), unit.get("coveragePercent"), region);
            if (timeliness.equals("MISSING")) {
                assertNull(unit.get("firstAt"), region);
            } else {
                Instant first = Instant.parse((String) unit.get("firstAt"));
                assertTrue(!first.isBefore(opens) && first.isBefore(closes), region + " " + first);
            }
            onTime += timeliness.equals("ON_TIME") ? 1 : 0;
            late += timeliness.equals("LATE") ? 1 : 0;
            sumTracked += tracked.size();
            sumCovered += covered;
        }
        assertEquals(onTime, completeness.getInt("national.onTime"));
        assertEquals(late, completeness.getInt("national.late"));
        assertEquals(units.size() - onTime - late, completeness.getInt("national.missing"));
        assertEquals((200 * onTime + units.size()) / (2 * units.size()), completeness.getInt("national.onTimePercent"));
        assertEquals(
                (200 * sumCovered + sumTracked) / (2 * sumTracked), completeness.getInt("national.coveragePercent"));

        // the ministry reopens the round for the unit that came after the close: its report now counts, as LATE
        Instant until = closes.plusSeconds(3600);
        given().auth()
                .oauth2(Rounds.ADMIN)
                .contentType("application/json")
                .body(Map.of("region", AFTER_CLOSE, "until", until.toString(), "reason", "Käyttökatko"))
                .post("/api/v1/rounds/" + id + "/exceptions")
                .then()
                .statusCode(200)
                .body("until", equalTo(until.toString()))
                .body("previousUntil", equalTo(null));
        given().auth()
                .oauth2(Rounds.ADMIN)
                .contentType("application/json")
                .body(Map.of(
                        "region", AFTER_CLOSE, "until", until.plusSeconds(60).toString(), "reason", "Jatkettu"))
                .post("/api/v1/rounds/" + id + "/exceptions")
                .then()
                .statusCode(200)
                .body("previousUntil", equalTo(until.toString()));
        given().auth()
                .oauth2(Rounds.ADMIN)
                .contentType("application/json")
                .body(Map.of(
                        "region", "ahvenanmaa", "until", closes.minusSeconds(1).toString(), "reason", " "))
                .post("/api/v1/rounds/" + id + "/exceptions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("region", "until", "reason"));
        given().auth()
                .oauth2(DevKeys.token("reader", null))
                .contentType("application/json")
                .body(Map.of("region", AFTER_CLOSE, "until", until.toString(), "reason", "x"))
                .post("/api/v1/rounds/" + id + "/exceptions")
                .then()
                .statusCode(403);
        given().get("/api/v1/rounds/" + id + "/exceptions")
                .then()
                .statusCode(200)
                .body("region", equalTo(List.of(AFTER_CLOSE)))
                .body("reason", equalTo(List.of("Jatkettu")));
        JsonPath reopened =
                given().get("/api/v1/rounds/" + id + "/completeness").jsonPath();
        String row = "units.find { it.region == '" + AFTER_CLOSE + "' }";
        assertEquals("LATE", reopened.getString(row + ".timeliness"));
        assertEquals(1, reopened.getInt(row + ".covered"));
        assertEquals(until.plusSeconds(60).toString(), reopened.getString(row + ".exceptionUntil"));
        assertEquals(late + 1, reopened.getInt("national.late"));

        // the unit's history has the round; the late unit's stale data are every tracked subtask it did not report
        given().get("/api/v1/regions/" + LATE + "/rounds")
                .then()
                .statusCode(200)
                .body("find { it.round == '" + id + "' }.timeliness", equalTo("LATE"));
        JsonPath stale = given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get("/api/v1/regions/" + LATE + "/stale?rounds=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> staleIds = stale.getList("subtasks.subtask");
        assertTrue(staleIds.stream().noneMatch(lateItems::contains), staleIds.toString());
        assertTrue(staleIds.contains("JO-E-5.9"), staleIds.toString());
        given().auth()
                .oauth2(token(ON_TIME))
                .get("/api/v1/regions/" + LATE + "/stale")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get("/api/v1/regions/" + LATE + "/stale?rounds=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
