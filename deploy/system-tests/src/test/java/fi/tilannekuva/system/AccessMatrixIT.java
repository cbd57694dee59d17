package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.RunningSystem;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × every kind of caller → the expected answer, in one table. No cross-unit write, no
 * unauthenticated write (a refused write leaves the service's tables as they were), and a unit's comment never
 * reaches the public.
 */
@Order(3)
class AccessMatrixIT {

    /** The callers, in the order of the table's columns. */
    enum Caller {
        NONE,
        EXPIRED,
        FOREIGN_KEY,
        READER,
        OTHER_UNIT,
        OWN_UNIT,
        ADMIN,
        PARTNER,
        OTHER_PARTNER
    }

    private static final String UNIT = "lappi";
    private static final String OTHER = "kainuu";
    /** What a write of each service stores: a refused write must leave these row counts as they were. */
    private static final Map<String, List<String>> STORED = Map.of(
            "roadmap-service", List.of("roadmap_version", "roadmap_subtask"),
            "status-service",
                    List.of("report", "current_status", "reporting_round", "unit_contact", "round_confirmation"),
            "situation-service", List.of("snapshot", "partner_subscription"));

    private static final String SECRET = "Luottamuksellinen kommentti " + UUID.randomUUID();

    private final SystemUnderTest system = SystemUnderTest.shared();

    /**
     * One endpoint's row: the expected statuses for {@link Caller}'s columns in order.
     *
     * @param service the service name
     * @param method the HTTP method
     * @param path the path (with query)
     * @param body the body of a write, made fresh for each call (null for reads)
     * @param expected the statuses, one column per caller in {@link Caller}'s order; {@code 200|401} accepts either
     */
    private record Row(String service, String method, String path, Supplier<Object> body, String expected) {

        boolean accepts(Caller caller, int status) {
            return Set.of(expected.trim().split("\\s+")[caller.ordinal()].split("\\|"))
                    .contains(Integer.toString(status));
        }

        String expected(Caller caller) {
            return expected.trim().split("\\s+")[caller.ordinal()];
        }
    }

    @Test
    void everyEndpointAnswersEachKindOfCallerAsExpected() {
        Roadmap roadmap = system.ensureRoadmap();
        String subtask = roadmap.applicableTo(UNIT).get(0).id();
        // The unit's own report with a comment and a support request, for the leak checks below.
        Http.Reply own = system.report(new Report(
                UNIT, Instant.now().minusSeconds(60), List.of(new Report.Item(subtask, "DELAYED", SECRET, true))));
        assertEquals(201, own.status(), own.toString());
        Http.Reply snapshot = system.situation()
                .post("/api/v1/situation/snapshots")
                .bearer(SystemUnderTest.admin())
                .json(snapshotBody())
                .send();
        assertEquals(201, snapshot.status(), snapshot.toString());
        String snapshotId = snapshot.json().path("id").asText();

        // Columns: none, expired, foreign key, reader, other unit's reporter, the unit's reporter, roadmap-admin, the
        // partner that owns the subscriptions below (thl), another partner (kuntaliitto).
        // A public read answers as to anyone whatever token comes with it; one whose answer depends on the caller (the
        // unit view shows comments, the risk list support requests, to readers and the unit) refuses an invalid token
        // rather than guess who asks.
        String publicRead = "200 200 200 200 200 200 200 200 200";
        String callerDependentRead = "200 401 401 200 200 200 200 200 200";
        String unitRead = "401 401 401 200 403 200 403 403 403";
        String readerOnly = "401 401 401 200 403 403 403 403 403";
        String unitWrite = "401 401 401 403 403 201 403 403 403";
        String adminWrite = "401 401 401 403 403 403 201 403 403";
        String adminCommand = "401 401 401 403 403 403 202 403 403";
        String adminRead = "401 401 401 403 403 403 200 403 403";
        // A partner reads, replays and rotates its own subscription; another partner is told it does not exist.
        String partnerRead = "401 401 401 403 403 403 200 200 404";
        String partnerCommand = "401 401 401 403 403 403 202 202 404";
        String subscriptions = "401 401 401 403 403 403 200 200 200";
        String subscription = subscribe(false);
        String removable = subscribe(false);
        String subscribedEvent = system.situation()
                .get("/api/v1/subscriptions/" + subscription + "/events?limit=1")
                .bearer(SystemUnderTest.admin())
                .send()
                .json()
                .path(0)
                .path("id")
                .asText();
        List<Row> table = List.of(
                new Row("situation-service", "POST", "/api/v1/subscriptions", () -> subscriptionBody(null), adminWrite),
                new Row("situation-service", "GET", "/api/v1/subscriptions", null, subscriptions),
                new Row("situation-service", "GET", "/api/v1/subscriptions/" + subscription, null, partnerRead),
                new Row(
                        "situation-service",
                        "PATCH",
                        "/api/v1/subscriptions/" + subscription,
                        () -> Json.object().put("description", "changed"),
                        "401 401 401 403 403 403 200 403 403"),
                new Row(
                        "situation-service",
                        "POST",
                        "/api/v1/subscriptions/" + subscription + "/secret",
                        Json::object,
                        partnerRead),
                new Row(
                        "situation-service",
                        "GET",
                        "/api/v1/subscriptions/" + subscription + "/deliveries",
                        null,
                        partnerRead),
                new Row(
                        "situation-service",
                        "GET",
                        "/api/v1/subscriptions/" + subscription + "/events?limit=1000",
                        null,
                        partnerRead),
                new Row(
                        "situation-service",
                        "POST",
                        "/api/v1/subscriptions/" + subscription + "/redeliveries",
                        () -> Json.object().put("eventId", subscribedEvent),
                        partnerCommand),
                new Row(
                        "situation-service",
                        "POST",
                        "/api/v1/subscriptions/" + subscription + "/replays",
                        () -> Json.object().put("after", 0),
                        partnerCommand),
                new Row(
                        "situation-service",
                        "DELETE",
                        "/api/v1/subscriptions/" + removable,
                        null,
                        "401 401 401 403 403 403 204 403 403"),
                new Row("roadmap-service", "GET", "/api/v1/regions", null, publicRead),
                new Row("roadmap-service", "GET", "/api/v1/groups", null, publicRead),
                new Row("roadmap-service", "GET", "/api/v1/roadmaps", null, publicRead),
                new Row("roadmap-service", "GET", "/api/v1/roadmaps/current", null, publicRead),
                new Row("roadmap-service", "GET", "/api/v1/roadmaps/1", null, publicRead),
                new Row("roadmap-service", "GET", "/api/v1/roadmaps/current/subtasks", null, publicRead),
                new Row("roadmap-service", "GET", "/api/v1/roadmaps/1/diff/current", null, publicRead),
                new Row("roadmap-service", "POST", "/api/v1/roadmaps", () -> roadmap.document(), adminWrite),
                new Row("status-service", "GET", "/api/v1/roadmap", null, publicRead),
                new Row("status-service", "POST", "/api/v1/reports", () -> ownReport(subtask), unitWrite),
                new Row("status-service", "GET", "/api/v1/regions/" + UNIT + "/statuses", null, unitRead),
                new Row(
                        "status-service",
                        "GET",
                        "/api/v1/regions/" + UNIT + "/subtasks/" + subtask + "/history",
                        null,
                        unitRead),
                new Row("status-service", "GET", "/api/v1/regions/" + UNIT + "/support-requests", null, unitRead),
                new Row("status-service", "GET", "/api/v1/support-requests", null, readerOnly),
                new Row("status-service", "GET", "/api/v1/rounds", null, publicRead),
                new Row("status-service", "POST", "/api/v1/rounds", AccessMatrixIT::roundBody, adminWrite),
                new Row("status-service", "GET", "/api/v1/regions/" + UNIT + "/rounds", null, publicRead),
                new Row("status-service", "GET", "/api/v1/regions/" + UNIT + "/stale", null, unitRead),
                new Row("status-service", "GET", "/api/v1/regions/" + UNIT + "/contacts", null, adminRead),
                new Row(
                        "status-service",
                        "PUT",
                        "/api/v1/regions/" + OTHER + "/contacts",
                        () -> Json.array(),
                        adminRead),
                new Row("situation-service", "GET", "/api/v1/situation/progress", null, publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/readiness", null, publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/progress.csv", null, publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/readiness.csv", null, publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/progress.xlsx", null, publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/readiness.xlsx", null, publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/subtasks", null, publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/units/" + UNIT, null, callerDependentRead),
                new Row(
                        "situation-service",
                        "GET",
                        "/api/v1/situation/units/" + UNIT + "/PJ/progress",
                        null,
                        publicRead),
                new Row(
                        "situation-service",
                        "GET",
                        "/api/v1/situation/units/" + UNIT + "/PJ/readiness",
                        null,
                        publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/subtasks/" + subtask, null, publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/risks", null, callerDependentRead),
                new Row("situation-service", "GET", "/api/v1/situation/snapshots", null, publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/risks.csv", null, callerDependentRead),
                new Row("situation-service", "GET", "/api/v1/situation/trends", null, publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/trends.csv", null, publicRead),
                new Row(
                        "situation-service",
                        "GET",
                        "/api/v1/situation/trends?from=2021-09&to=2021-10",
                        null,
                        publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/forecast", null, publicRead),
                new Row("situation-service", "GET", "/api/v1/situation/forecast.csv", null, publicRead),
                new Row(
                        "situation-service",
                        "GET",
                        "/api/v1/situation/movement?from=2021-09-01T00:00:00Z&to=" + snapshotId,
                        null,
                        publicRead),
                new Row(
                        "situation-service",
                        "GET",
                        "/api/v1/situation/movement.csv?from=" + snapshotId + "&to=" + snapshotId,
                        null,
                        publicRead),
                new Row(
                        "situation-service",
                        "GET",
                        "/api/v1/situation/snapshots/" + snapshotId + "/progress",
                        null,
                        publicRead),
                new Row(
                        "situation-service",
                        "GET",
                        "/api/v1/situation/snapshots/" + snapshotId + "/readiness",
                        null,
                        publicRead),
                new Row(
                        "situation-service",
                        "POST",
                        "/api/v1/situation/snapshots",
                        AccessMatrixIT::snapshotBody,
                        adminWrite),
                new Row(
                        "situation-service",
                        "GET",
                        "/api/v1/situation/rounds/" + snapshotId + "/summary",
                        null,
                        callerDependentRead),
                new Row(
                        "situation-service",
                        "GET",
                        "/api/v1/situation/rounds/" + snapshotId + "/summary.csv",
                        null,
                        callerDependentRead),
                new Row(
                        "situation-service",
                        "GET",
                        "/api/v1/situation/rounds/" + snapshotId + "/summary.xlsx",
                        null,
                        callerDependentRead),
                new Row("situation-service", "GET", "/rounds/" + snapshotId + "/summary", null, callerDependentRead),
                new Row("situation-service", "GET", "/api/v1/situation/units/" + UNIT + "/stale", null, unitRead),
                new Row("situation-service", "GET", "/", null, publicRead),
                new Row("situation-service", "GET", "/units/" + UNIT, null, publicRead),
                // Last: the documented rebuild empties the projection and re-reads both topics.
                new Row("situation-service", "POST", "/api/v1/situation/admin/rebuild", null, adminCommand));

        List<String> wrong = new ArrayList<>();
        Integer publishedVersion = null;
        for (Row row : table) {
            for (Caller caller : Caller.values()) {
                Http.Request request = new Http(
                                system.services().service(row.service()).baseUrl())
                        .request(row.method(), row.path())
                        .bearer(token(caller));
                if (row.body() != null) {
                    request.json(row.body().get());
                }
                String database = RunningSystem.database(row.service());
                Map<String, Long> before = system.databases().rowCounts(database, STORED.get(row.service()));
                Http.Reply reply = request.send();
                if (reply.status() >= 400
                        && !before.equals(system.databases().rowCounts(database, STORED.get(row.service())))) {
                    wrong.add(row.method() + " " + row.path() + " as " + caller + " was refused but stored: " + reply);
                }
                if (!row.accepts(caller, reply.status())) {
                    wrong.add(row.method() + " " + row.path() + " as " + caller + ": expected " + row.expected(caller)
                            + ", got " + reply);
                }
                if (row.method().equals("GET") && reply.status() == 200 && !seesComments(caller)) {
                    assertFalse(reply.body().contains(SECRET), "a comment leaked to " + caller + ": " + reply);
                }
                if (row.path().equals("/api/v1/roadmaps") && row.method().equals("POST") && reply.status() == 201) {
                    publishedVersion = SystemUnderTest.versionOf(reply);
                }
            }
        }
        if (publishedVersion != null) {
            system.adopt(roadmap, publishedVersion);
        }
        assertEquals(List.of(), wrong, "answers that differ from the access matrix");
        // The rebuild the admin started gives back the same picture, re-read from the topics.
        system.awaitPictureMatchesRecount(Duration.ofSeconds(120));
    }

    @Test
    void theUnitViewShowsCommentsOnlyToReadersAndTheUnitItself() {
        Roadmap roadmap = system.ensureRoadmap();
        String subtask = roadmap.applicableTo(UNIT).get(1).id();
        String secret = "Vain lukijoille " + UUID.randomUUID();
        Http.Reply own = system.report(new Report(
                UNIT, Instant.now().minusSeconds(30), List.of(new Report.Item(subtask, "DELAYED", secret, true))));
        assertEquals(201, own.status(), own.toString());
        String path = "/api/v1/situation/units/" + UNIT;
        SystemUnderTest.await("the comment in the reader's view", Duration.ofSeconds(30), () -> system.situation()
                .get(path)
                .bearer(SystemUnderTest.reader())
                .send()
                .body()
                .contains(secret));
        for (Caller caller : Set.of(Caller.NONE, Caller.OTHER_UNIT)) {
            Http.Reply reply =
                    system.situation().get(path).bearer(token(caller)).send();
            assertEquals(200, reply.status(), reply.toString());
            assertFalse(reply.body().contains(secret), "the comment leaked to " + caller + ": " + reply);
        }
        Http.Reply ownView =
                system.situation().get(path).bearer(token(Caller.OWN_UNIT)).send();
        assertTrue(ownView.body().contains(secret), "the unit sees its own comment: " + ownView);
        // the support request it made is in the risk list only for the same callers
        for (Caller caller : Caller.values()) {
            if (caller == Caller.EXPIRED || caller == Caller.FOREIGN_KEY) {
                continue;
            }
            Http.Reply risks = system.situation()
                    .get("/api/v1/situation/risks?region=" + UNIT)
                    .bearer(token(caller))
                    .send();
            assertEquals(200, risks.status(), risks.toString());
            boolean listed = false;
            for (var risk : risks.json().path("risks")) {
                for (var reason : risk.path("reasons")) {
                    for (var each : reason.path("subtasks")) {
                        listed |= reason.path("code").asText().equals("SUPPORT_REQUESTED")
                                && each.asText().equals(subtask);
                    }
                }
            }
            assertEquals(seesComments(caller), listed, "the support request as seen by " + caller + ": " + risks);
        }
    }

    /** A subscription of the partner thl to every event type, delivered to a port nobody listens on: its id. */
    private String subscribe(boolean confidential) {
        Http.Reply created = system.situation()
                .post("/api/v1/subscriptions")
                .bearer(SystemUnderTest.admin())
                .json(subscriptionBody(confidential))
                .send();
        assertEquals(201, created.status(), created.toString());
        return created.json().path("subscription").path("id").asText();
    }

    private static Object subscriptionBody(Boolean confidential) {
        var types = Json.array();
        for (String type : List.of(
                "fi.tilannekuva.status.changed.v1",
                "fi.tilannekuva.situation.band-changed.v1",
                "fi.tilannekuva.roadmap.published.v1")) {
            types.add(type);
        }
        var body = Json.object().put("partner", "thl").put("url", "http://127.0.0.1:9/webhook");
        body.set("types", types);
        if (confidential != null) {
            body.put("confidential", confidential);
        }
        return body;
    }

    private static boolean seesComments(Caller caller) {
        return caller == Caller.READER || caller == Caller.OWN_UNIT;
    }

    private static Object ownReport(String subtask) {
        return new Report(UNIT, Instant.now().minusSeconds(10), List.of(Report.Item.of(subtask, "IN_PROGRESS")));
    }

    private static final java.util.concurrent.atomic.AtomicInteger ROUNDS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** A round far ahead, each call a day of its own, so that no two overlap and none sends an event yet. */
    private static Object roundBody() {
        Instant opens = Instant.parse("2100-01-01T06:00:00Z").plus(Duration.ofDays(2L * ROUNDS.incrementAndGet()));
        return Json.object()
                .put("name", "access " + UUID.randomUUID())
                .put("deadline", "2023-01-01")
                .put("opensAt", opens.toString())
                .put("dueAt", opens.plus(Duration.ofHours(12)).toString())
                .put("closesAt", opens.plus(Duration.ofHours(23)).toString())
                .set("window", Json.object().put("from", "2021-04-01").put("to", "2021-12-31"));
    }

    private static Object snapshotBody() {
        return Json.object()
                .put("name", "access " + UUID.randomUUID())
                .put("deadline", "2023-01-01")
                .put("at", Instant.now().minusSeconds(1).toString())
                .set("window", Json.object().put("from", "2021-04-01").put("to", "2021-12-31"));
    }

    private static String token(Caller caller) {
        return switch (caller) {
            case NONE -> null;
            case EXPIRED -> DevKeys.token("roadmap-admin", null, Duration.ofMinutes(-10));
            case FOREIGN_KEY -> foreignToken();
            case READER -> SystemUnderTest.reader();
            case OTHER_UNIT -> SystemUnderTest.reporter(OTHER);
            case OWN_UNIT -> SystemUnderTest.reporter(UNIT);
            case ADMIN -> SystemUnderTest.admin();
            case PARTNER -> DevKeys.token("partner", "thl");
            case OTHER_PARTNER -> DevKeys.token("partner", "kuntaliitto");
        };
    }

    /** A roadmap-admin token with every right claim, signed with a key the services have never seen. */
    private static String foreignToken() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            long now = System.currentTimeMillis() / 1000;
            return Jwt.issuer(DevKeys.ISSUER)
                    .audience(DevKeys.AUDIENCE)
                    .upn("intruder")
                    .groups(Set.of("roadmap-admin"))
                    .issuedAt(now)
                    .expiresAt(now + 3600)
                    .sign(key);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
