package fi.tilannekuva.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.local.LocalInfra;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The roadmap the @QuarkusTests report against, published to the real broker as roadmap-published events in the
 * format of the brief. Version {@value #VERSION}: JO-E-5.1…5.9 (critical, every unit), HTT-H-1.1…1.3 (only the
 * Uusimaa units), ICT-C-1.1…30.10 (300 subtasks, every unit; the odd ones critical).
 */
public final class TestRoadmaps {

    /** The version every test class relies on as current. */
    public static final int VERSION = 100;

    /** The Uusimaa units (HTT-H applies only to them). */
    public static final List<String> UUSIMAA = Units.UUSIMAA;

    /** The 23 units. */
    public static final List<String> UNITS = Units.ALL;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean published;

    private TestRoadmaps() {}

    /** Publishes version {@value #VERSION} once per JVM and waits until the service knows it. */
    public static synchronized void ensurePublished() {
        if (!published) {
            publish(String.valueOf(VERSION), event(VERSION, "test-roadmap"));
            published = true;
        }
        awaitCurrent(VERSION);
    }

    /** Waits until the service validates against {@code version}. */
    public static void awaitCurrent(int version) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var response = given().get("/api/v1/roadmap");
                    return response.statusCode() == 200
                            && Integer.valueOf(version).equals(response.path("version"));
                });
    }

    /**
     * Produces one roadmap-published record as roadmap-service does: key = the version, and the structured-mode
     * CloudEvents content-type header (which the Kafka connector would decode itself unless told not to).
     */
    public static void publish(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>("roadmap-published", key, value);
        record.headers()
                .add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        try (KafkaCompanion companion = new KafkaCompanion(LocalInfra.shared().bootstrapServers())) {
            companion.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(30));
        }
    }

    /** The ids of every subtask of the test roadmap that applies to a unit. */
    public static List<String> subtasksOf(String region) {
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            ids.add("JO-E-5." + n);
        }
        if (UUSIMAA.contains(region)) {
            for (int n = 1; n <= 3; n++) {
                ids.add("HTT-H-1." + n);
            }
        }
        for (int task = 1; task <= 30; task++) {
            for (int n = 1; n <= 10; n++) {
                ids.add("ICT-C-" + task + "." + n);
            }
        }
        return ids;
    }

    /** A roadmap-published CloudEvent of the test roadmap with the given version and label. */
    public static String event(int version, String label) {
        ObjectNode data = JSON.createObjectNode();
        data.put("version", version);
        data.put("label", label);
        data.put("publishedAt", "2026-11-22T08:00:00Z");
        ArrayNode regions = data.putArray("regions");
        for (String unit : UNITS) {
            ObjectNode region = regions.addObject();
            region.put("code", unit);
            region.putObject("name").put("fi", unit);
            region.put(
                    "kind",
                    unit.equals("hus")
                            ? "HOSPITAL_DISTRICT"
                            : unit.equals("helsinki") ? "CITY" : "WELLBEING_SERVICES_COUNTY");
            region.put("uusimaa", UUSIMAA.contains(unit));
        }
        ArrayNode groups = data.putArray("groups");
        addGroup(groups, "JO", "E", 1, 1, 9, n -> true, null);
        addGroup(groups, "HTT", "H", 1, 1, 3, n -> true, UUSIMAA);
        addGroup(groups, "ICT", "C", 30, 1, 10, n -> n % 2 == 1, null);
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("source", "/tilannekuva/roadmap-service");
        envelope.put("type", "fi.tilannekuva.roadmap.published.v1");
        envelope.put("subject", String.valueOf(version));
        envelope.put("time", "2026-11-22T08:00:00Z");
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", data);
        return envelope.toString();
    }

    private static void addGroup(
            ArrayNode groups,
            String code,
            String entityCode,
            int tasks,
            int firstSubtask,
            int subtasksPerTask,
            java.util.function.IntPredicate critical,
            List<String> appliesTo) {
        ObjectNode group = groups.addObject();
        group.put("code", code);
        group.putObject("name").put("fi", code);
        ObjectNode entity = group.putArray("entities").addObject();
        String entityId = code + "-" + entityCode;
        entity.put("id", entityId);
        entity.put("code", entityCode);
        entity.putObject("name").put("fi", entityId);
        ArrayNode taskArray = entity.putArray("tasks");
        int firstTask = code.equals("JO") ? 5 : 1;
        for (int t = firstTask; t < firstTask + tasks; t++) {
            ObjectNode task = taskArray.addObject();
            task.put("id", entityId + "-" + t);
            task.put("number", t);
            task.putObject("name").put("fi", "Tehtävä " + t);
            ArrayNode subtasks = task.putArray("subtasks");
            for (int n = firstSubtask; n < firstSubtask + subtasksPerTask; n++) {
                ObjectNode subtask = subtasks.addObject();
                subtask.put("id", entityId + "-" + t + "." + n);
                subtask.put("number", t + "." + n);
                subtask.putObject("name").put("fi", "Osatehtävä " + t + "." + n);
                subtask.put("critical", critical.test(n));
                ObjectNode schedule = subtask.putObject("schedule");
                schedule.put("from", "2021-07-01");
                schedule.put("to", "2021-12-31");
                if (appliesTo == null) {
                    subtask.putNull("appliesTo");
                } else {
                    ArrayNode units = subtask.putArray("appliesTo");
                    appliesTo.forEach(units::add);
                }
            }
        }
    }
}
