package fi.tilannekuva.situation.summary;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.situation.TenTwentyOne;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;

/**
 * Two rounds frozen a moment apart on the module's shared world, with a support request raised between them, and
 * status-service's completeness of the second served by the stand-in: HUS missing, Lappi late, the others on time.
 */
public final class SummaryWorld {

    public static final String SUPPORT_UNIT = "lappi";
    public static final String SUPPORT_COMMENT = "Tukea tarvitaan potilastietojärjestelmän siirtoon";
    public static final String LATE_UNIT = "lappi";
    public static final String MISSING_UNIT = "hus";

    private static SummaryWorld world;

    public final String before;
    public final String round;
    public final String name;
    public final String supportSubtask;

    private SummaryWorld(String before, String round, String name, String supportSubtask) {
        this.before = before;
        this.round = round;
        this.name = name;
        this.supportSubtask = supportSubtask;
    }

    /** The world, made once per JVM. */
    public static synchronized SummaryWorld ensure(String bootstrapServers) {
        if (world != null) {
            return world;
        }
        TenTwentyOne.ensurePublished(bootstrapServers);
        long n = System.nanoTime() % 100_000;
        String before =
                TenTwentyOne.freezeRound("Yhteenveto A " + n, Instant.now().minusSeconds(1));
        String subtask = TenTwentyOne.sandboxSubtask();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion
                    .produceStrings()
                    .fromRecords(TenTwentyOne.record(
                            "status-changed",
                            SUPPORT_UNIT,
                            TenTwentyOne.statusEvent(
                                    SUPPORT_UNIT,
                                    subtask,
                                    1,
                                    Status.DELAYED,
                                    null,
                                    SUPPORT_COMMENT,
                                    true,
                                    Instant.now().plusMillis(500))))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> "DELAYED"
                .equals(given().get("/api/v1/situation/subtasks/" + subtask)
                        .jsonPath()
                        .getString("units.find { it.region == '" + SUPPORT_UNIT + "' }.status")));
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        String name = "Yhteenveto B " + n;
        String round = TenTwentyOne.freezeRound(name, Instant.now().minusMillis(200));
        StatusServiceStandIn.serve(round, completeness(round));
        world = new SummaryWorld(before, round, name, subtask);
        return world;
    }

    /** status-service's answer for the round: 23 units, HUS missing, Lappi late, the rest on time. */
    static String completeness(String round) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode body = mapper.createObjectNode();
        ArrayNode units = body.putArray("units");
        int onTime = 0;
        for (String[] unit : TenTwentyOne.UNITS) {
            String region = unit[0];
            String timeliness = region.equals(MISSING_UNIT) ? "MISSING" : region.equals(LATE_UNIT) ? "LATE" : "ON_TIME";
            onTime += timeliness.equals("ON_TIME") ? 1 : 0;
            ObjectNode node = units.addObject();
            node.put("round", round);
            node.put("region", region);
            node.put("timeliness", timeliness);
            node.put("tracked", 100);
            node.put("covered", timeliness.equals("MISSING") ? 0 : 90);
            node.put("coveragePercent", timeliness.equals("MISSING") ? 0 : 90);
        }
        ObjectNode national = body.putObject("national");
        national.put("units", TenTwentyOne.UNITS.length);
        national.put("onTime", onTime);
        national.put("late", 1);
        national.put("missing", 1);
        national.put("onTimePercent", Math.round(100f * onTime / TenTwentyOne.UNITS.length));
        national.put("coveragePercent", 86);
        body.putObject("round").put("id", round);
        return body.toString();
    }
}
