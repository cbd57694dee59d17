package fi.tilannekuva.situation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where to act, end to end through the broker and the database, on a world of its own (its own database and topics,
 * no band events published, so the 10/21 tests never see it): three monthly rounds of the PJ group in 2021 where
 * Kainuu falls behind, Lappi recovers, Kymenlaakso stays below the others' median, HUS never reports, and a roadmap
 * revision between the second and third round makes one PJ subtask non-critical. The ranking, the movement split,
 * the explained cell, the trends and the forecast are checked against counts derived from the scenario itself.
 */
@QuarkusTest
@WithTestResource(
        value = WhereToActScenarioTest.OwnWorld.class,
        scope = TestResourceScope.RESTRICTED_TO_CLASS,
        initArgs = @ResourceArg(name = "database", value = "situation_scenario"))
class WhereToActScenarioTest {

    /** The shared servers, with a database and topics of this test's own and the outbox relay off. */
    public static class OwnWorld extends LocalInfraTestResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new LinkedHashMap<>(super.start());
            config.put("mp.messaging.incoming.roadmap-published.topic", ROADMAP_TOPIC);
            config.put("mp.messaging.incoming.roadmap-published.group.id", "scenario-roadmap");
            config.put("mp.messaging.incoming.status-changed.topic", STATUS_TOPIC);
            config.put("mp.messaging.incoming.status-changed.group.id", "scenario-status");
            config.put("mp.messaging.incoming.reporting-rounds.topic", "scenario-reporting-rounds");
            config.put("mp.messaging.incoming.reporting-rounds.group.id", "scenario-rounds");
            config.put("outbox.relay-enabled", "false");
            return config;
        }
    }

    static final String ROADMAP_TOPIC = "scenario-roadmap-published";
    static final String STATUS_TOPIC = "scenario-status-changed";
    static final Instant PUBLISHED = Instant.parse("2021-06-01T06:00:00Z");
    static final Instant REVISED = Instant.parse("2021-09-15T06:00:00Z");
    static final Instant[] ROUND = {
        Instant.parse("2021-08-02T12:00:00Z"),
        Instant.parse("2021-09-01T12:00:00Z"),
        Instant.parse("2021-10-01T12:00:00Z")
    };
    static final Instant AFTER_LAST_ROUND = Instant.parse("2021-10-10T08:00:00Z");
    /** The subtask the revision makes non-critical: the last of PJ's 17, never started by anyone. */
    static final String DEMOTED = "PJ-A-1.17";

    /** PJ subtasks DONE (the first k of the 17, or Helsinki's 21) at the three rounds. */
    static final Map<String, int[]> DONE = new LinkedHashMap<>();

    static final int[] PEER = {6, 9, 12};
    static final int[] HELSINKI = {7, 11, 15};
    static final int[] KAINUU = {6, 9, 5};
    static final int[] LAPPI = {2, 2, 12};
    static final int[] KYMENLAAKSO = {4, 6, 8};
    /** Kainuu after the last round: a report the closed round must never see. */
    static final int KAINUU_LATER = 11;

    static {
        for (String[] unit : TenTwentyOne.UNITS) {
            DONE.put(unit[0], PEER);
        }
        DONE.remove("hus");
        DONE.put("helsinki", HELSINKI);
        DONE.put("kainuu", KAINUU);
        DONE.put("lappi", LAPPI);
        DONE.put("kymenlaakso", KYMENLAAKSO);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile String[] rounds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** round-half-up(100 k / n), as the picture counts. */
    static int percent(int k, int n) {
        return (200 * k + n) / (2 * n);
    }

    /** PJ tracked for a unit under roadmap version 1 (false) or 2 (true). */
    static int tracked(String region, boolean revised) {
        return TenTwentyOne.tracked(region, fi.tilannekuva.kit.reform.Group.PJ) - (revised ? 1 : 0);
    }

    @BeforeEach
    synchronized void world() throws Exception {
        if (rounds != null) {
            return;
        }
        List<ProducerRecord<String, String>> roadmaps = List.of(
                TenTwentyOne.record(ROADMAP_TOPIC, "1", TenTwentyOne.roadmapEvent(1, PUBLISHED, List.of())),
                TenTwentyOne.record(ROADMAP_TOPIC, "2", demoted(TenTwentyOne.roadmapEvent(2, REVISED, List.of()))));
        List<ProducerRecord<String, String>> reports = new ArrayList<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        Map<String, Integer> done = new LinkedHashMap<>();
        for (int r = 0; r < 3; r++) {
            for (var entry : DONE.entrySet()) {
                report(entry.getKey(), entry.getValue()[r], ROUND[r].minusSeconds(4 * 3600), versions, done, reports);
            }
        }
        report("kainuu", KAINUU_LATER, AFTER_LAST_ROUND, versions, done, reports);
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(roadmaps).awaitCompletion(Duration.ofSeconds(60));
            companion.produceStrings().fromRecords(reports).awaitCompletion(Duration.ofSeconds(60));
        }
        TenTwentyOne.awaitTrue(Duration.ofSeconds(120), () -> {
            JsonPath live = given().get("/api/v1/situation/progress?" + TenTwentyOne.WINDOW)
                    .jsonPath();
            // both versions stored (they may arrive in either order: the topic is keyed by version)
            Object first = given().get("/api/v1/situation/progress?" + TenTwentyOne.WINDOW + "&asOf=" + ROUND[0])
                    .jsonPath()
                    .get("roadmapVersion");
            return Integer.valueOf(2).equals(live.get("roadmapVersion"))
                    && Integer.valueOf(1).equals(first)
                    && Integer.valueOf(percent(KAINUU_LATER, 16))
                            .equals(live.get("rows.find { it.region == 'kainuu' }.cells.PJ.percent"))
                    && Integer.valueOf(percent(12, 16))
                            .equals(live.get("rows.find { it.region == 'pirkanmaa' }.cells.PJ.percent"));
        });
        String n = Long.toString(System.nanoTime(), 36);
        rounds = new String[] {
            TenTwentyOne.freezeRound("Skenaario 08/21 " + n, ROUND[0]),
            TenTwentyOne.freezeRound("Skenaario 09/21 " + n, ROUND[1]),
            TenTwentyOne.freezeRound("Skenaario 10/21 " + n, ROUND[2])
        };
    }

    /** The roadmap with the last PJ subtask no longer critical: a revision, not a unit's doing. */
    private static String demoted(String event) throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(event);
        for (var group : root.at("/data/groups")) {
            for (var entity : group.get("entities")) {
                for (var task : entity.get("tasks")) {
                    for (var subtask : task.get("subtasks")) {
                        if (subtask.get("id").asText().equals(DEMOTED)) {
                            ((ObjectNode) subtask).put("critical", false);
                        }
                    }
                }
            }
        }
        return MAPPER.writeValueAsString(root);
    }

    /** The reports that take a unit's PJ from its current count of DONE subtasks to k, at an instant. */
    private static void report(
            String region,
            int k,
            Instant at,
            Map<String, Long> versions,
            Map<String, Integer> done,
            List<ProducerRecord<String, String>> reports) {
        List<String> ids = TenTwentyOne.trackedIds(region, fi.tilannekuva.kit.reform.Group.PJ);
        int before = done.getOrDefault(region, -1);
        for (int i = 0; i < ids.size(); i++) {
            Status now = i < k ? Status.DONE : Status.NOT_STARTED;
            Status was = before < 0 ? null : i < before ? Status.DONE : Status.NOT_STARTED;
            if (now == was) {
                continue;
            }
            String key = region + "/" + ids.get(i);
            long version = versions.merge(key, 1L, Long::sum);
            reports.add(TenTwentyOne.record(
                    STATUS_TOPIC,
                    region,
                    TenTwentyOne.statusEvent(region, ids.get(i), version, now, was, null, false, at)));
        }
        done.put(region, k);
    }

    private static JsonPath risks(String query) {
        return given().auth()
                .oauth2(DevKeys.token("reader", null))
                .get("/api/v1/situation/risks?size=500&" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theRankingPutsTheSilentTheFallingAndTheLaggingFirstInTheDocumentedOrder() {
        JsonPath third = risks("round=" + rounds[2]);
        List<String> top = third.getList("risks.collect { it.region + '/' + it.group }");
        // HUS never reported (100 each, by group order), then Kainuu PJ: its fall by its own reports and its gap to
        // the others' median; then Kymenlaakso PJ's gap alone. Lappi has recovered: nothing.
        assertEquals(List.of("hus/HTT", "hus/JO", "hus/PJ", "hus/YP", "hus/ICT", "kainuu/PJ", "kymenlaakso/PJ"), top);
        int median = percent(12, 16);
        int kainuuAtSecond = percent(KAINUU[1], 16); // under the revised roadmap: the revision is not Kainuu's fall
        int kainuuAtThird = percent(KAINUU[2], 16);
        Map<String, Object> kainuu = third.getMap("risks.find { it.region == 'kainuu' }");
        assertEquals(
                List.of("BELOW_PEER_MEDIAN", "FALLING"),
                ((List<Map<String, Object>>) kainuu.get("reasons"))
                        .stream().map(reason -> reason.get("code")).toList());
        double gap = median - kainuuAtThird;
        double fall = kainuuAtSecond - kainuuAtThird;
        assertEquals(gap + 2 * fall, ((Number) kainuu.get("score")).doubleValue(), 0.001, kainuu.toString());
        assertEquals(
                (double) (median - percent(KYMENLAAKSO[2], 16)),
                third.getDouble("risks.find { it.region == 'kymenlaakso' }.score"),
                0.001);
        assertTrue(third.getList("risks.findAll { it.region == 'lappi' }").isEmpty(), "Lappi has recovered");

        // In the second round Lappi had not reported and lagged the others by far.
        JsonPath second = risks("round=" + rounds[1] + "&region=lappi&group=PJ");
        assertEquals(List.of("NOT_REPORTED_THIS_ROUND", "BELOW_PEER_MEDIAN"), second.getList("risks[0].reasons.code"));
        assertEquals(15 + percent(PEER[1], 17) - percent(LAPPI[1], 17), second.getDouble("risks[0].score"), 0.001);

        // Kainuu's report after the round changes today's ranking, never the round's, nor the picture as of then.
        JsonPath live = risks("region=kainuu&group=PJ");
        assertFalse(live.getList("risks.reasons.flatten().code").contains("FALLING"), live.prettify());
        JsonPath before = risks("asOf=" + AFTER_LAST_ROUND.minusSeconds(1) + "&region=kainuu&group=PJ");
        assertEquals(kainuuAtThird, before.getInt("risks[0].progressPercent"));
        assertTrue(
                before.getList("risks[0].reasons.code").contains("NOT_REPORTED_THIS_ROUND"),
                "a new round began at the freeze, and Kainuu had not reported in it yet: " + before.prettify());
        JsonPath after = risks("asOf=" + AFTER_LAST_ROUND.plusSeconds(1) + "&region=kainuu&group=PJ");
        assertFalse(
                after.getList("risks.reasons.flatten().code").contains("NOT_REPORTED_THIS_ROUND"), after.prettify());
        assertEquals(top, risks("round=" + rounds[2]).getList("risks.collect { it.region + '/' + it.group }"));
        // the national top three for the dashboard
        assertEquals(
                List.of(1, 2, 3),
                given().get("/api/v1/situation/risks?size=3").jsonPath().getList("risks.rank"));
    }

    @Test
    void theRevisionIsTheRoadmapsPartOfTheMovementNeverAUnitsSlip() {
        for (String[] ends :
                List.of(new String[] {rounds[1], rounds[2]}, new String[] {ROUND[1].toString(), ROUND[2].toString()})) {
            JsonPath movement = given().get("/api/v1/situation/movement?from=" + ends[0] + "&to=" + ends[1])
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (var entry : DONE.entrySet()) {
                String region = entry.getKey();
                int[] k = entry.getValue();
                Map<String, Integer> cell = movement.getMap("units.find { it.region == '" + region + "' }.cells.PJ");
                int from = percent(k[1], tracked(region, false));
                int revisedOnly = percent(k[1], tracked(region, true));
                int to = percent(k[2], tracked(region, true));
                assertEquals(from, cell.get("from"), region);
                assertEquals(to, cell.get("to"), region);
                assertEquals(revisedOnly - from, cell.get("roadmap"), region + ": what the revision did");
                assertEquals(to - revisedOnly, cell.get("reported"), region + ": what the unit reported");
                assertEquals(0, cell.get("window"), region);
                assertEquals(
                        cell.get("total"), cell.get("roadmap") + cell.get("reported") + cell.get("window"), region);
            }
            // Lappi's recovery is all its own reports (and the revision's small part)
            assertEquals(
                    percent(12, 16) - percent(2, 16),
                    movement.getInt("units.find { it.region == 'lappi' }.cells.PJ.reported"));
        }
        String csv = given().get(
                        "/api/v1/situation/movement.csv?from=" + rounds[1] + "&to=" + rounds[2] + "&region=kainuu")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        int from = percent(KAINUU[1], 17);
        int revisedOnly = percent(KAINUU[1], 16);
        int to = percent(KAINUU[2], 16);
        assertTrue(
                csv.contains("kainuu,PJ,PROGRESS," + from + "," + to + "," + (to - from) + "," + (revisedOnly - from)
                        + "," + (to - revisedOnly) + ",0"),
                csv);
    }

    @Test
    void theExplainedCellIsTheRoundsCellAndTheTrendsShowWhoSlips() {
        JsonPath explained = given().get("/api/v1/situation/units/kainuu/PJ/progress?round=" + rounds[2])
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> frozen = given().get("/api/v1/situation/snapshots/" + rounds[2] + "/progress")
                .jsonPath()
                .getMap("rows.find { it.region == 'kainuu' }.cells.PJ");
        assertEquals(frozen, explained.getMap("progress"));
        assertEquals(KAINUU[2], explained.getInt("progress.started"));
        assertEquals(2, explained.getInt("roadmapVersion"));

        // month ends: the picture at the end of August, September and October, under the roadmap of each
        JsonPath months = given().get("/api/v1/situation/trends?region=kainuu&from=2021-08&to=2021-10")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("2021-08", "2021-09", "2021-10"), months.getList("rounds.id"));
        assertEquals(
                List.of(percent(KAINUU[0], 17), percent(KAINUU[1], 16), percent(KAINUU_LATER, 16)),
                months.getList("units[0].groups.PJ.progressPercent"));
        // rounds: the frozen cells, and the latest change
        JsonPath trends = given().get("/api/v1/situation/trends?region=kainuu").jsonPath();
        List<Integer> progress = trends.getList("units[0].groups.PJ.progressPercent");
        assertEquals(
                List.of(percent(KAINUU[0], 17), percent(KAINUU[1], 17), percent(KAINUU[2], 16)),
                progress.subList(progress.size() - 3, progress.size()),
                trends.prettify());
        assertEquals(
                percent(KAINUU[2], 16) - percent(KAINUU[1], 17), trends.getInt("units[0].change.PJ.progressPoints"));
        String csv = given().get("/api/v1/situation/trends.csv?region=kainuu")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(csv.contains("kainuu,Kainuu,PJ," + rounds[2] + "," + percent(KAINUU[2], 16) + ","), csv);
        given().get("/api/v1/situation/trends?from=2021-13&to=2021-01")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("from"));
    }

    @Test
    void theForecastSaysWhoWillMissADeadlineTwoMonthsAfterTheLastRound() {
        JsonPath forecast = given().get(
                        "/api/v1/situation/forecast?deadline=2021-12-01&asOf=" + ROUND[2].plusSeconds(60))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(rounds[0], rounds[1], rounds[2]), forecast.getList("rounds"));
        Map<String, Object> peer = forecast.getMap("units.find { it.region == 'pirkanmaa' }.groups.PJ");
        Map<String, Object> kainuu = forecast.getMap("units.find { it.region == 'kainuu' }.groups.PJ");
        Map<String, Object> kymenlaakso = forecast.getMap("units.find { it.region == 'kymenlaakso' }.groups.PJ");
        // the pace of the peers (35 → 53 → 75 %) reaches 100 % in two months; Kymenlaakso's (24 → 35 → 50 %) does
        // not; Kainuu's fall is no pace at all, so it stays where it is
        assertEquals(false, peer.get("likelyToMiss"), peer.toString());
        assertEquals(true, kymenlaakso.get("likelyToMiss"), kymenlaakso.toString());
        assertEquals(true, kainuu.get("likelyToMiss"));
        assertEquals((double) percent(KAINUU[2], 16), ((Number) kainuu.get("projected")).doubleValue());
        assertEquals(0.0, ((Number) kainuu.get("pacePerMonth")).doubleValue());
        for (Map<String, Object> cell : List.of(peer, kainuu, kymenlaakso)) {
            assertTrue(((List<?>) cell.get("cautions")).contains("ROADMAP_REVISED"), cell.toString());
            double low = ((Number) cell.get("low")).doubleValue();
            double high = ((Number) cell.get("high")).doubleValue();
            double projected = ((Number) cell.get("projected")).doubleValue();
            assertTrue(low <= projected && projected <= high, cell.toString());
        }
        assertNotNull(forecast.get("units.find { it.region == 'hus' }"), "HUS is listed");
        assertEquals(List.of("NOT_REPORTED"), forecast.getList("units.find { it.region == 'hus' }.groups.PJ.cautions"));
        String csv = given().get("/api/v1/situation/forecast.csv?deadline=2021-12-01&region=kymenlaakso")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                csv.lines().anyMatch(line -> line.startsWith("kymenlaakso,Kymenlaakso,PJ,") && line.contains(",true,")),
                csv);
        given().get("/api/v1/situation/forecast?target=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
