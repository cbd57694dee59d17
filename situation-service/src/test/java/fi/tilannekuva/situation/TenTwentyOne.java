package fi.tilannekuva.situation;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.local.DevKeys;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The world every {@code @QuarkusTest} here shares: the seed's 10/21 round published through the real broker once per
 * JVM, and sandbox subtasks (critical, scheduled in 2022, outside the 10/21 window) that other tests change freely
 * without touching the 10/21 progress table.
 */
public final class TenTwentyOne {

    /** The roadmap version of the world; tests that publish a later version use a higher one. */
    public static final int ROADMAP_VERSION = 10;

    public static final String WINDOW = "from=2021-04-01&to=2021-12-31";
    public static final Instant PUBLISHED = Instant.parse("2021-06-01T06:00:00Z");
    public static final Instant FIRST_ROUND = Instant.parse("2021-09-01T08:00:00Z");
    public static final Instant SECOND_ROUND = Instant.parse("2021-10-15T09:00:00Z");

    /** Tracked subtasks per group in 10/21 (seed 000): HTT 69, JO 30, PJ 17, YP 20, ICT 55. */
    public static final Map<Group, Integer> TRACKED =
            Map.of(Group.HTT, 69, Group.JO, 30, Group.PJ, 17, Group.YP, 20, Group.ICT, 55);

    /** Helsinki's own PJ subtasks ("H. Uudenmaan erillisratkaisu"): 9 of 17 + 4 = 21 started makes its 43 %. */
    public static final int HELSINKI_EXTRA_PJ = 4;

    public static final int SANDBOX_SIZE = 80;

    /** The 23 units: code, Finnish name, Swedish name. */
    public static final String[][] UNITS = {
        {"etela-karjala", "Etelä-Karjala", "Södra Karelen"},
        {"etela-pohjanmaa", "Etelä-Pohjanmaa", "Södra Österbotten"},
        {"etela-savo", "Etelä-Savo", "Södra Savolax"},
        {"helsinki", "Helsinki", "Helsingfors"},
        {"hus", "HUS", "HUS-sammanslutningen"},
        {"ita-uusimaa", "Itä-Uusimaa", "Östra Nyland"},
        {"kainuu", "Kainuu", "Kajanaland"},
        {"kanta-hame", "Kanta-Häme", "Egentliga Tavastland"},
        {"keski-pohjanmaa", "Keski-Pohjanmaa", "Mellersta Österbotten"},
        {"keski-suomi", "Keski-Suomi", "Mellersta Finland"},
        {"keski-uusimaa", "Keski-Uusimaa", "Mellersta Nyland"},
        {"kymenlaakso", "Kymenlaakso", "Kymmenedalen"},
        {"lappi", "Lappi", "Lappland"},
        {"lansi-uusimaa", "Länsi-Uusimaa", "Västra Nyland"},
        {"pirkanmaa", "Pirkanmaa", "Birkaland"},
        {"pohjanmaa", "Pohjanmaa", "Österbotten"},
        {"pohjois-karjala", "Pohjois-Karjala", "Norra Karelen"},
        {"pohjois-pohjanmaa", "Pohjois-Pohjanmaa", "Norra Österbotten"},
        {"pohjois-savo", "Pohjois-Savo", "Norra Savolax"},
        {"paijat-hame", "Päijät-Häme", "Päijänne-Tavastland"},
        {"satakunta", "Satakunta", "Satakunta"},
        {"vantaa-kerava", "Vantaa-Kerava", "Vanda-Kervo"},
        {"varsinais-suomi", "Varsinais-Suomi", "Egentliga Finland"},
    };

    /**
     * "Alueellisen toimeenpanon tiekartan mukainen eteneminen 10/21" (seed 000, the table under the 10/21 heading):
     * percent per group HTT, JO, PJ, YP, ICT. HUS: "Tilannekuvaseuranta tarkennetaan" (not reported).
     */
    public static final Map<String, int[]> PROGRESS_PERCENT = new LinkedHashMap<>();

    static {
        PROGRESS_PERCENT.put("etela-karjala", new int[] {57, 97, 88, 100, 65});
        PROGRESS_PERCENT.put("etela-pohjanmaa", new int[] {94, 90, 65, 100, 95});
        PROGRESS_PERCENT.put("etela-savo", new int[] {61, 73, 88, 55, 56});
        PROGRESS_PERCENT.put("helsinki", new int[] {43, 53, 43, 100, 71});
        PROGRESS_PERCENT.put("ita-uusimaa", new int[] {58, 63, 59, 75, 31});
        PROGRESS_PERCENT.put("kainuu", new int[] {51, 53, 35, 75, 76});
        PROGRESS_PERCENT.put("kanta-hame", new int[] {42, 30, 53, 10, 25});
        PROGRESS_PERCENT.put("keski-pohjanmaa", new int[] {100, 100, 100, 100, 91});
        PROGRESS_PERCENT.put("keski-suomi", new int[] {81, 90, 82, 100, 100});
        PROGRESS_PERCENT.put("keski-uusimaa", new int[] {94, 83, 100, 100, 78});
        PROGRESS_PERCENT.put("kymenlaakso", new int[] {93, 93, 71, 90, 100});
        PROGRESS_PERCENT.put("lappi", new int[] {67, 83, 47, 90, 73});
        PROGRESS_PERCENT.put("lansi-uusimaa", new int[] {49, 63, 41, 40, 25});
        PROGRESS_PERCENT.put("pirkanmaa", new int[] {55, 90, 41, 30, 91});
        PROGRESS_PERCENT.put("pohjanmaa", new int[] {100, 97, 76, 70, 69});
        PROGRESS_PERCENT.put("pohjois-karjala", new int[] {83, 90, 59, 65, 62});
        PROGRESS_PERCENT.put("pohjois-pohjanmaa", new int[] {54, 70, 76, 100, 53});
        PROGRESS_PERCENT.put("pohjois-savo", new int[] {78, 60, 65, 45, 84});
        PROGRESS_PERCENT.put("paijat-hame", new int[] {61, 63, 71, 70, 20});
        PROGRESS_PERCENT.put("satakunta", new int[] {68, 80, 47, 60, 11});
        PROGRESS_PERCENT.put("vantaa-kerava", new int[] {54, 63, 53, 40, 25});
        PROGRESS_PERCENT.put("varsinais-suomi", new int[] {49, 73, 29, 20, 15});
    }

    private static final Status[] STARTED = {Status.IN_PROGRESS, Status.ON_SCHEDULE, Status.DONE, Status.DELAYED};
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final AtomicInteger SANDBOX = new AtomicInteger();
    private static volatile boolean published;

    private TenTwentyOne() {}

    /** How many tracked subtasks a unit has in a group in the window. */
    public static int tracked(String region, Group group) {
        return TRACKED.get(group) + (region.equals("helsinki") && group == Group.PJ ? HELSINKI_EXTRA_PJ : 0);
    }

    /** The k with round-half-up(100k/n) = p; fails loudly if the seed's figure is unreachable with n subtasks. */
    public static int startedFor(int percent, int tracked) {
        for (int k = 0; k <= tracked; k++) {
            if ((200 * k + tracked) / (2 * tracked) == percent) {
                return k;
            }
        }
        throw new IllegalStateException(percent + " % is not round-half-up(100k/" + tracked + ") for any k");
    }

    /** The ids of the tracked 10/21 subtasks of a group for a unit, in roadmap order. */
    public static List<String> trackedIds(String region, Group group) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= TRACKED.get(group); i++) {
            ids.add(group + "-A-1." + i);
        }
        if (region.equals("helsinki") && group == Group.PJ) {
            for (int i = 1; i <= HELSINKI_EXTRA_PJ; i++) {
                ids.add("PJ-H-1." + i);
            }
        }
        return ids;
    }

    /** A sandbox subtask no other test uses: critical, every unit, scheduled in the first half of 2022. */
    public static String sandboxSubtask() {
        int n = SANDBOX.incrementAndGet();
        if (n > SANDBOX_SIZE) {
            throw new IllegalStateException("raise SANDBOX_SIZE");
        }
        return "YP-Z-1." + n;
    }

    /** Publishes the world once per JVM and waits until the service shows all of it. */
    public static synchronized void ensurePublished(String bootstrapServers) {
        if (published) {
            return;
        }
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion
                    .produceStrings()
                    .fromRecords(record(
                            "roadmap-published",
                            String.valueOf(ROADMAP_VERSION),
                            roadmapEvent(ROADMAP_VERSION, PUBLISHED, List.of())))
                    .awaitCompletion(Duration.ofSeconds(60));
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            for (var entry : PROGRESS_PERCENT.entrySet()) {
                String region = entry.getKey();
                int g = 0;
                for (Group group : Group.values()) {
                    List<String> ids = trackedIds(region, group);
                    int k = startedFor(entry.getValue()[g++], ids.size());
                    for (int i = 0; i < ids.size(); i++) {
                        String first =
                                statusEvent(region, ids.get(i), 1, Status.NOT_STARTED, null, null, false, FIRST_ROUND);
                        if (i >= k) {
                            records.add(record("status-changed", region, first));
                            continue;
                        }
                        String second = statusEvent(
                                region,
                                ids.get(i),
                                2,
                                STARTED[i % STARTED.length],
                                Status.NOT_STARTED,
                                "kierros 10/21",
                                false,
                                SECOND_ROUND);
                        if (i % 3 == 0) {
                            // reordered: the newer version arrives before the older one
                            records.add(record("status-changed", region, second));
                            records.add(record("status-changed", region, first));
                        } else {
                            records.add(record("status-changed", region, first));
                            records.add(record("status-changed", region, second));
                        }
                        if (i % 5 == 0) {
                            records.add(record("status-changed", region, second)); // a redelivery
                        }
                    }
                }
            }
            companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(120));
        }
        awaitTrue(Duration.ofSeconds(120), TenTwentyOne::worldVisible);
        published = true;
    }

    private static boolean worldVisible() {
        JsonPath progress = given().get("/api/v1/situation/progress?" + WINDOW)
                .then()
                .extract()
                .jsonPath();
        Integer version = progress.get("roadmapVersion");
        if (version == null || version < ROADMAP_VERSION) {
            return false;
        }
        for (var entry : PROGRESS_PERCENT.entrySet()) {
            List<Map<String, Object>> rows = progress.getList("rows.findAll { it.region == '" + entry.getKey() + "' }");
            if (rows.isEmpty()) {
                return false;
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> cells =
                    (Map<String, Map<String, Object>>) rows.get(0).get("cells");
            int g = 0;
            for (Group group : Group.values()) {
                Object percent = cells.get(group.name()).get("percent");
                if (percent == null || ((Number) percent).intValue() != entry.getValue()[g++]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Every event on situation-changed so far (read from the beginning for a few seconds), each checked to be keyed
     * by its unit and to carry the CloudEvents content-type header.
     */
    public static List<JsonNode> bandEvents(String bootstrapServers) {
        List<JsonNode> events = new ArrayList<>();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            var records = companion
                    .consumeStrings()
                    .fromTopics("situation-changed", Duration.ofSeconds(4))
                    .awaitCompletion(Duration.ofSeconds(30))
                    .getRecords();
            for (ConsumerRecord<String, String> record : records) {
                JsonNode event = MAPPER.readTree(record.value());
                if (!event.at("/data/region").asText().equals(record.key())) {
                    throw new AssertionError("key is not the unit: " + record.key());
                }
                if (record.headers().lastHeader("content-type") == null) {
                    throw new AssertionError("no content-type header");
                }
                events.add(event);
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return events;
    }

    /**
     * Freezes a round of the 10/21 window (April–December 2021, deadline 2023-01-01) as the ministry would, at the given
     * instant, and answers its id.
     */
    public static String freezeRound(String name, Instant at) {
        return given().auth()
                .oauth2(DevKeys.token("roadmap-admin", null))
                .contentType("application/json")
                .body(Map.of(
                        "name",
                        name,
                        "window",
                        Map.of("from", "2021-04-01", "to", "2021-12-31"),
                        "deadline",
                        "2023-01-01",
                        "at",
                        at.toString()))
                .post("/api/v1/situation/snapshots")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Polls the condition every 200 ms until it holds; fails after the timeout. */
    public static void awaitTrue(Duration timeout, BooleanSupplier condition) {
        awaitTrue(timeout, condition, () -> "");
    }

    /** As {@link #awaitTrue(Duration, BooleanSupplier)}; a failure also says what {@code found} reads then. */
    public static void awaitTrue(Duration timeout, BooleanSupplier condition, Supplier<String> found) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String state = found.get();
                throw new AssertionError(
                        "condition not met within " + timeout + (state.isEmpty() ? "" : ": found " + state));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A Kafka record with the CloudEvents content-type header. */
    public static ProducerRecord<String, String> record(String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers()
                .add(new RecordHeader(
                        "content-type",
                        "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** A status-changed CloudEvent as status-service writes it. */
    public static String statusEvent(
            String region,
            String subtask,
            long version,
            Status status,
            Status previous,
            String comment,
            boolean supportNeeded,
            Instant recordedAt) {
        String id = UUID.nameUUIDFromBytes((region + "/" + subtask + "/" + version).getBytes(StandardCharsets.UTF_8))
                .toString();
        ObjectNode data = MAPPER.createObjectNode();
        data.put("eventId", id);
        data.put("region", region);
        data.put("subtask", subtask);
        data.put("roadmapVersion", ROADMAP_VERSION);
        data.put("status", status.name());
        data.put("previousStatus", previous == null ? null : previous.name());
        data.put("comment", comment);
        data.put("supportNeeded", supportNeeded);
        data.put("reportedAt", recordedAt.minusSeconds(60).toString());
        data.put("recordedAt", recordedAt.toString());
        data.put("version", version);
        return envelope(
                id,
                "/tilannekuva/status-service",
                "fi.tilannekuva.status.changed.v1",
                region + "/" + subtask,
                recordedAt,
                data);
    }

    /**
     * The world's roadmap as a roadmap-published CloudEvent, plus extra subtasks.
     *
     * @param extra more subtasks for the YP group's entity X: each {id, appliesTo region or null}
     */
    public static String roadmapEvent(int version, Instant publishedAt, List<String[]> extra) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("version", version);
        data.put("label", "10/21 test " + version);
        data.put("publishedAt", publishedAt.toString());
        ArrayNode regions = data.putArray("regions");
        for (String[] unit : UNITS) {
            ObjectNode region = regions.addObject();
            region.put("code", unit[0]);
            region.putObject("name").put("fi", unit[1]).put("sv", unit[2]);
            region.put(
                    "kind",
                    unit[0].equals("helsinki")
                            ? "CITY"
                            : unit[0].equals("hus") ? "HOSPITAL_DISTRICT" : "WELLBEING_SERVICES_COUNTY");
            region.put(
                    "uusimaa",
                    List.of("helsinki", "hus", "ita-uusimaa", "keski-uusimaa", "lansi-uusimaa", "vantaa-kerava")
                            .contains(unit[0]));
        }
        ArrayNode groups = data.putArray("groups");
        for (Group group : Group.values()) {
            ObjectNode groupNode = groups.addObject();
            groupNode.put("code", group.name());
            groupNode.putObject("name").put("fi", group.name());
            ArrayNode entities = groupNode.putArray("entities");
            // A: the tracked 10/21 subtasks, Q3–Q4/2021
            entity(entities, group, "A", TRACKED.get(group), true, "2021-07-01", "2021-12-31", null);
            // B: non-critical subtasks in the same window: never tracked
            entity(entities, group, "B", 3, false, "2021-07-01", "2021-12-31", null);
            if (group == Group.PJ) {
                // H: the Uusimaa separate solution, Helsinki's own tracked subtasks
                entity(entities, group, "H", HELSINKI_EXTRA_PJ, true, "2021-07-01", "2021-12-31", "helsinki");
            }
            if (group == Group.YP) {
                // Z: sandbox subtasks for the other tests, first half of 2022 (outside the 10/21 window)
                entity(entities, group, "Z", SANDBOX_SIZE, true, "2022-01-01", "2022-06-30", null);
                if (!extra.isEmpty()) {
                    ObjectNode x = entityNode(entities, group, "X");
                    ArrayNode subtasks = x.putArray("tasks")
                            .addObject()
                            .put("id", "YP-X-1")
                            .put("number", 1)
                            .putArray("subtasks");
                    for (String[] subtask : extra) {
                        subtaskNode(subtasks, subtask[0], true, "2022-01-01", "2022-06-30", subtask[1]);
                    }
                }
            }
        }
        for (var groupNode : groups) {
            for (var entity : groupNode.get("entities")) {
                for (var task : entity.get("tasks")) {
                    ((ObjectNode) task)
                            .putObject("name")
                            .put("fi", "Tehtävä " + task.get("id").asText());
                }
            }
        }
        return envelope(
                UUID.randomUUID().toString(),
                "/tilannekuva/roadmap-service",
                "fi.tilannekuva.roadmap.published.v1",
                String.valueOf(version),
                publishedAt,
                data);
    }

    private static ObjectNode entityNode(ArrayNode entities, Group group, String code) {
        ObjectNode entity = entities.addObject();
        entity.put("id", group + "-" + code);
        entity.put("code", code);
        entity.putObject("name").put("fi", "Kokonaisuus " + code);
        return entity;
    }

    private static void entity(
            ArrayNode entities,
            Group group,
            String code,
            int size,
            boolean critical,
            String from,
            String to,
            String appliesTo) {
        ObjectNode entity = entityNode(entities, group, code);
        ObjectNode task = entity.putArray("tasks").addObject();
        task.put("id", group + "-" + code + "-1");
        task.put("number", 1);
        ArrayNode subtasks = task.putArray("subtasks");
        for (int i = 1; i <= size; i++) {
            subtaskNode(subtasks, group + "-" + code + "-1." + i, critical, from, to, appliesTo);
        }
    }

    private static void subtaskNode(
            ArrayNode subtasks, String id, boolean critical, String from, String to, String appliesTo) {
        ObjectNode subtask = subtasks.addObject();
        subtask.put("id", id);
        subtask.put("number", id.substring(id.lastIndexOf('-') + 1));
        subtask.putObject("name").put("fi", "Osatehtävä " + id);
        subtask.put("critical", critical);
        subtask.putObject("schedule").put("from", from).put("to", to);
        if (appliesTo == null) {
            subtask.putNull("appliesTo");
        } else {
            subtask.putArray("appliesTo").add(appliesTo);
        }
    }

    private static String envelope(
            String id, String source, String type, String subject, Instant time, ObjectNode data) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("specversion", "1.0");
        root.put("id", id);
        root.put("source", source);
        root.put("type", type);
        root.put("subject", subject);
        root.put("time", time.toString());
        root.put("datacontenttype", "application/json");
        root.set("data", data);
        return root.toString();
    }
}
