package fi.tilannekuva.status.rest;

import static fi.tilannekuva.status.Rounds.move;
import static fi.tilannekuva.status.Rounds.plan;
import static fi.tilannekuva.status.Rounds.round;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.Rounds;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The round calendar: planned by the ministry, read by anyone, and what has happened never changes. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
class RoundCalendarTest {

    private static final String ADMIN = Rounds.ADMIN;

    private static int count() {
        return given().get("/api/v1/rounds").jsonPath().getList("$").size();
    }

    /** A span of days far from every other test's, so that rounds of different tests never overlap. */
    private static Instant base(int yearsAhead) {
        return Instant.now().plus(365L * yearsAhead, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aRoundIsPlannedReadMovedAndCancelled() {
        Instant t = base(1);
        String name = "Kierros " + UUID.randomUUID().toString().substring(0, 6) + "/21";
        String id = plan(round(name, t, t.plus(Duration.ofDays(14)), t.plus(Duration.ofDays(30))))
                .statusCode(201)
                .header("Location", containsString("/api/v1/rounds/"))
                .body("name", equalTo(name))
                .body("state", equalTo("PLANNED"))
                .body("window.from", equalTo("2021-04-01"))
                .extract()
                .path("id");
        assertEquals(name.toLowerCase().replace(' ', '-').replace('/', '-'), id);
        given().get("/api/v1/rounds").then().statusCode(200).body("id", hasItem(id));
        given().get("/api/v1/rounds/" + id)
                .then()
                .statusCode(200)
                .body("dueAt", equalTo(t.plus(Duration.ofDays(14)).toString()));

        // moved: due a week later
        move(id, round(name, t, t.plus(Duration.ofDays(21)), t.plus(Duration.ofDays(30))))
                .statusCode(200)
                .body("dueAt", equalTo(t.plus(Duration.ofDays(21)).toString()));
        // not into the past
        move(
                        id,
                        round(
                                name,
                                Instant.now().minus(Duration.ofDays(1)),
                                t.plus(Duration.ofDays(21)),
                                t.plus(Duration.ofDays(30))))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("opensAt"));
        // cancelled, idempotently, and then it never changes
        given().auth()
                .oauth2(ADMIN)
                .delete("/api/v1/rounds/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("CANCELLED"));
        given().auth()
                .oauth2(ADMIN)
                .delete("/api/v1/rounds/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("CANCELLED"));
        move(id, round(name, t, t.plus(Duration.ofDays(21)), t.plus(Duration.ofDays(30))))
                .statusCode(409)
                .contentType("application/problem+json");
        // a cancelled round leaves its time free
        String again = plan(round(name + " b", t, t.plus(Duration.ofDays(14)), t.plus(Duration.ofDays(30))))
                .statusCode(201)
                .extract()
                .path("id");
        given().auth().oauth2(ADMIN).delete("/api/v1/rounds/" + again).then().statusCode(200);
    }

    @Test
    void badOrOverlappingRoundsAreNamedProblemsAndStoreNothing() {
        Instant t = base(3);
        String first = "Ensimmäinen " + UUID.randomUUID().toString().substring(0, 6);
        plan(round(first, t, t.plus(Duration.ofDays(14)), t.plus(Duration.ofDays(30))))
                .statusCode(201);
        int before = count();
        plan(round(
                        "Väärin päin",
                        t.plus(Duration.ofDays(40)),
                        t.plus(Duration.ofDays(60)),
                        t.plus(Duration.ofDays(50))))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("dueAt"))
                .body("errors.find { it.field == 'dueAt' }.message", containsString("closesAt"));
        Map<String, Object> empty = round(" ", null, null, null);
        empty.put("window", Map.of("from", "2021-12-31", "to", "2021-04-01"));
        empty.remove("deadline");
        plan(empty)
                .statusCode(422)
                .body("errors.field", hasItems("name", "window.to", "deadline", "opensAt", "dueAt", "closesAt"));
        plan(round(
                        "Päällekkäin",
                        t.plus(Duration.ofDays(29)),
                        t.plus(Duration.ofDays(35)),
                        t.plus(Duration.ofDays(40))))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("round-overlaps"))
                .body("errors.field", hasItems("opensAt", "closesAt"));
        plan(round(first, t.plus(Duration.ofDays(100)), t.plus(Duration.ofDays(114)), t.plus(Duration.ofDays(130))))
                .statusCode(409)
                .body("errors.field", hasItem("name"));
        assertEquals(before, count(), "nothing stored");
        // and never a 500 for a body that is not a round
        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body("[1]")
                .post("/api/v1/rounds")
                .then()
                .statusCode(400);
    }

    @Test
    void whatHasHappenedNeverChanges() throws InterruptedException {
        String closed = "Suljettu " + UUID.randomUUID().toString().substring(0, 6);
        Instant past = Instant.parse("2001-01-01T00:00:00Z");
        String id = plan(round(closed, past, past.plus(Duration.ofDays(14)), past.plus(Duration.ofDays(30))))
                .statusCode(201)
                .body("state", equalTo("CLOSED"))
                .extract()
                .path("id");
        move(id, round(closed, past, past.plus(Duration.ofDays(15)), past.plus(Duration.ofDays(30))))
                .statusCode(409)
                .body("detail", containsString("never changes"));
        given().auth().oauth2(ADMIN).delete("/api/v1/rounds/" + id).then().statusCode(409);

        // open now: its opening has passed and stays; its due date may move, not into the past. It opens two seconds
        // from now rather than in the past, so that it never overlaps the rounds other tests have just closed.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant opened = now.plusSeconds(2);
        String open = "Auki " + UUID.randomUUID().toString().substring(0, 6);
        String openId = plan(round(open, opened, now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofMinutes(40))))
                .statusCode(201)
                .body("state", equalTo("PLANNED"))
                .extract()
                .path("id");
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), opened).toMillis() + 500));
        given().get("/api/v1/rounds/" + openId).then().body("state", equalTo("OPEN"));
        move(
                        openId,
                        round(
                                open,
                                opened.plusSeconds(60),
                                now.plus(Duration.ofMinutes(30)),
                                now.plus(Duration.ofMinutes(40))))
                .statusCode(422)
                .body("errors.field", hasItem("opensAt"))
                .body("errors.find { it.field == 'opensAt' }.message", containsString("cannot change"));
        move(openId, round(open, opened, now.plus(Duration.ofMinutes(35)), now.plus(Duration.ofMinutes(40))))
                .statusCode(200)
                .body("dueAt", equalTo(now.plus(Duration.ofMinutes(35)).toString()));
        given().auth().oauth2(ADMIN).delete("/api/v1/rounds/" + openId).then().statusCode(200);
    }

    @Test
    void onlyTheMinistryPlans() {
        Instant t = base(7);
        Map<String, Object> body = round("Luvaton", t, t.plus(Duration.ofDays(1)), t.plus(Duration.ofDays(2)));
        given().contentType("application/json")
                .body(body)
                .post("/api/v1/rounds")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(DevKeys.token("region-reporter", "lappi"))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/rounds")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevKeys.token("reader", null))
                .delete("/api/v1/rounds/x")
                .then()
                .statusCode(403);
        given().get("/api/v1/rounds").then().statusCode(200).body("name", not(hasItem("Luvaton")));
        given().get("/api/v1/rounds/no-such-round").then().statusCode(404).contentType("application/problem+json");
    }
}
