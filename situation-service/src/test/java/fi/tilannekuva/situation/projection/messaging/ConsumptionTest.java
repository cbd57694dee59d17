package fi.tilannekuva.situation.projection.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import fi.tilannekuva.situation.picture.model.PictureCalculator;
import fi.tilannekuva.situation.picture.service.AsOfCheckpoints;
import fi.tilannekuva.situation.picture.service.PictureLoader;
import fi.tilannekuva.situation.picture.service.PictureService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consumption through the real broker: idempotent by version, tolerant of reordering and of unreadable records. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class ConsumptionTest {

    private static final Instant LATER = Instant.parse("2022-02-01T10:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PictureLoader loader;

    @Inject
    PictureService pictures;

    @Inject
    AsOfCheckpoints checkpoints;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    private void produce(List<ProducerRecord<String, String>> records) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(60));
        }
    }

    private static String statusOf(String subtask, String region) {
        JsonPath view = given().get("/api/v1/situation/subtasks/" + subtask)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return view.getString("units.find { it.region == '" + region + "' }.status");
    }

    private int logged(String region, String subtask) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from status_event where region = ? and subtask = ?")) {
            query.setString(1, region);
            query.setString(2, subtask);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    @Test
    void theSameEventTwiceChangesNothingAndAnOlderVersionAfterANewerOneChangesNothing() throws Exception {
        String subtask = TenTwentyOne.sandboxSubtask();
        String v1 = TenTwentyOne.statusEvent("kainuu", subtask, 1, Status.IN_PROGRESS, null, null, false, LATER);
        String v2 = TenTwentyOne.statusEvent(
                "kainuu", subtask, 2, Status.DONE, Status.IN_PROGRESS, null, false, LATER.plusSeconds(3600));
        String marker = TenTwentyOne.statusEvent(
                "kainuu", TenTwentyOne.sandboxSubtask(), 1, Status.DELAYED, null, null, false, LATER);
        produce(List.of(
                TenTwentyOne.record("status-changed", "kainuu", v2),
                TenTwentyOne.record("status-changed", "kainuu", v2),
                TenTwentyOne.record("status-changed", "kainuu", v1),
                TenTwentyOne.record("status-changed", "kainuu", marker)));
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> "DONE".equals(statusOf(subtask, "kainuu")));
        // the marker after them is applied, so the duplicate and the late v1 have been consumed too
        String markerSubtask = JsonPath.from(marker).getString("data.subtask");
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> "DELAYED".equals(statusOf(markerSubtask, "kainuu")));
        assertEquals("DONE", statusOf(subtask, "kainuu"), "the late v1 did not replace v2");
        assertEquals(2, logged("kainuu", subtask), "v1 and v2 logged once each, the duplicate not at all");
        // the late v1 is still history: as of before v2 was recorded, the subtask was in progress
        given().get("/api/v1/situation/subtasks/" + subtask + "?asOf=" + LATER.plusSeconds(60))
                .then()
                .statusCode(200)
                .body("units.find { it.region == 'kainuu' }.status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"));
    }

    @Test
    void aRandomStreamWithDuplicatesAndReorderingEndsAtEachKeysHighestVersion() {
        Random random = new Random(42);
        String[] regions = {"lappi", "pirkanmaa", "satakunta", "kymenlaakso"};
        List<String> subtasks =
                List.of(TenTwentyOne.sandboxSubtask(), TenTwentyOne.sandboxSubtask(), TenTwentyOne.sandboxSubtask());
        Map<String, List<ProducerRecord<String, String>>> byRegion = new HashMap<>();
        Map<String, Status> expected = new HashMap<>();
        for (String region : regions) {
            List<ProducerRecord<String, String>> stream = new ArrayList<>();
            for (String subtask : subtasks) {
                int versions = 1 + random.nextInt(5);
                for (int version = 1; version <= versions; version++) {
                    Status status = Status.values()[random.nextInt(Status.values().length)];
                    String event = TenTwentyOne.statusEvent(
                            region, subtask, version, status, null, null, false, LATER.plusSeconds(version * 60L));
                    stream.add(TenTwentyOne.record("status-changed", region, event));
                    if (random.nextBoolean()) {
                        stream.add(TenTwentyOne.record("status-changed", region, event));
                    }
                    expected.put(region + "/" + subtask, status);
                }
            }
            Collections.shuffle(stream, random);
            byRegion.put(region, stream);
        }
        List<ProducerRecord<String, String>> all = new ArrayList<>();
        byRegion.values().forEach(all::addAll);
        produce(all);
        TenTwentyOne.awaitTrue(Duration.ofSeconds(60), () -> {
            for (String subtask : subtasks) {
                JsonPath view = given().get("/api/v1/situation/subtasks/" + subtask)
                        .then()
                        .extract()
                        .jsonPath();
                for (String region : regions) {
                    String status = view.getString("units.find { it.region == '" + region + "' }.status");
                    if (!expected.get(region + "/" + subtask).name().equals(status)) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    @Test
    void asOfAnyInstantAnswersTheHighestVersionRecordedByThenWhateverTheOrderOfArrivalAndRecording() throws Exception {
        // Versions recorded at random instants (a higher version may carry the earlier recordedAt), arriving shuffled
        // and partly twice: asOf must still be "per key, the highest version recorded by then" at every instant.
        Random random = new Random(7);
        String[] regions = {"pohjanmaa", "keski-suomi"};
        String subtask = TenTwentyOne.sandboxSubtask();
        Map<String, List<long[]>> recordings = new HashMap<>(); // region -> {version, second, status ordinal}
        List<ProducerRecord<String, String>> stream = new ArrayList<>();
        List<Long> seconds = new ArrayList<>();
        for (String region : regions) {
            List<long[]> versions = new ArrayList<>();
            for (int version = 1; version <= 6; version++) {
                long second = 10 + random.nextInt(600);
                Status status = Status.values()[random.nextInt(Status.values().length)];
                versions.add(new long[] {version, second, status.ordinal()});
                seconds.add(second);
                String event = TenTwentyOne.statusEvent(
                        region, subtask, version, status, null, null, false, LATER.plusSeconds(second));
                stream.add(TenTwentyOne.record("status-changed", region, event));
                if (random.nextBoolean()) {
                    stream.add(TenTwentyOne.record("status-changed", region, event));
                }
            }
            recordings.put(region, versions);
        }
        Collections.shuffle(stream, random);
        produce(stream);
        TenTwentyOne.awaitTrue(Duration.ofSeconds(60), () -> {
            try {
                return logged(regions[0], subtask) == 6 && logged(regions[1], subtask) == 6;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Long> probes = new ArrayList<>(List.of(0L, 700L));
        seconds.forEach(second -> probes.addAll(List.of(second - 1, second)));
        for (long probe : probes) {
            Instant at = LATER.plusSeconds(probe);
            JsonPath view = given().get("/api/v1/situation/subtasks/" + subtask + "?asOf=" + at)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (String region : regions) {
                String expected = recordings.get(region).stream()
                        .filter(v -> v[1] <= probe)
                        .max(java.util.Comparator.comparingLong(v -> v[0]))
                        .map(v -> Status.values()[(int) v[2]].name())
                        .orElse(null);
                assertEquals(
                        expected,
                        view.getString("units.find { it.region == '" + region + "' }.status"),
                        region + " as of " + at);
            }
            // The counted views read only unit, subtask, version and status: they must count exactly what the whole
            // records as of the same instant count.
            assertCountsAsTheLog(at);
        }
    }

    @Test
    void asOfFromACheckpointCountsWhatTheLogAloneCountsAndAnEventRecordedBeforeOneDeletesIt() throws Exception {
        // Four units' statuses of three subtasks, versions recorded at random instants over ten minutes, arriving
        // shuffled; then checkpoints every 7 events (the service writes one every 5,000).
        Instant base = Instant.parse("2022-03-01T10:00:00Z");
        Random random = new Random(11);
        List<String> subtasks =
                List.of(TenTwentyOne.sandboxSubtask(), TenTwentyOne.sandboxSubtask(), TenTwentyOne.sandboxSubtask());
        List<String> regions = List.of(
                TenTwentyOne.UNITS[3][0],
                TenTwentyOne.UNITS[7][0],
                TenTwentyOne.UNITS[11][0],
                TenTwentyOne.UNITS[15][0]);
        List<ProducerRecord<String, String>> stream = new ArrayList<>();
        List<Long> probes = new ArrayList<>(List.of(0L, 700L));
        Status last = null; // the first key's version 3
        for (String region : regions) {
            for (String subtask : subtasks) {
                for (int version = 1; version <= 3; version++) {
                    long second = 10 + random.nextInt(600);
                    probes.addAll(List.of(second - 1, second));
                    Status status = Status.values()[random.nextInt(Status.values().length)];
                    last = last == null && version == 3 ? status : last;
                    stream.add(TenTwentyOne.record(
                            "status-changed",
                            region,
                            TenTwentyOne.statusEvent(
                                    region, subtask, version, status, null, null, false, base.plusSeconds(second))));
                }
            }
        }
        Collections.shuffle(stream, random);
        produce(stream);
        awaitLogged(regions, subtasks, 3 * regions.size() * subtasks.size());

        assertTrue(checkpoints.writeDue(7, Duration.ZERO) > 0, "checkpoints written");
        assertTrue(
                checkpointsFrom(base) - checkpointsFrom(base.plusSeconds(611)) >= 3,
                "several checkpoints among the ten minutes");
        assertCountsAsTheLog(base, probes);

        // a higher version recorded before most of them, arriving late, started where the one it replaces is not or
        // the other way round: asOf counts it, and the checkpoints it changes are gone
        Instant early = base.plusSeconds(5);
        Status replacing = last == Status.NOT_STARTED ? Status.DONE : Status.NOT_STARTED;
        produce(List.of(TenTwentyOne.record(
                "status-changed",
                regions.get(0),
                TenTwentyOne.statusEvent(regions.get(0), subtasks.get(0), 9, replacing, null, null, false, early))));
        awaitLogged(regions, subtasks, 3 * regions.size() * subtasks.size() + 1);
        assertCountsAsTheLog(base, probes);
        assertEquals(0, checkpointsFrom(early), "no checkpoint at or after the late event's recording is left");

        // written again from the one before, they count the late version too
        assertTrue(checkpoints.writeDue(7, Duration.ZERO) > 0, "checkpoints written again");
        assertTrue(checkpointsFrom(early) > 0, "checkpoints after the late event again");
        assertCountsAsTheLog(base, probes);

        // a checkpoint that cannot be read (here the newest one in the first five minutes, made the newest of all):
        // asOf counts from the log instead, and the writer replaces it
        Instant middle = base.plusSeconds(310);
        execute("update status_checkpoint set grid = '\\x00' where at = (select max(at) from status_checkpoint"
                + " where at <= '" + middle + "')");
        execute("delete from status_checkpoint where at > '" + middle + "'");
        assertCountsAsTheLog(base, probes);
        assertTrue(checkpoints.writeDue(7, Duration.ZERO) > 0, "the unreadable checkpoint written again");
        assertEquals(0, countOf("select count(*) from status_checkpoint where grid = '\\x00'"), "none unreadable left");
        assertCountsAsTheLog(base, probes);
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private int countOf(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private void assertCountsAsTheLog(Instant base, List<Long> probes) {
        probes.forEach(probe -> assertCountsAsTheLog(base.plusSeconds(probe)));
    }

    /**
     * Progress and readiness as of the instant, counted (from a checkpoint where there is one), equal those counted
     * from the whole records as of it.
     */
    private void assertCountsAsTheLog(Instant at) {
        LocalDate from = LocalDate.parse("2021-01-01");
        LocalDate to = LocalDate.parse("2023-12-31");
        assertEquals(
                PictureCalculator.progress(loader.asOf(at), from, to, at),
                pictures.progressView(from, to, at),
                "progress as of " + at);
        assertEquals(
                PictureCalculator.readiness(loader.asOf(at), to, at),
                pictures.readinessView(to, at),
                "readiness as of " + at);
    }

    private void awaitLogged(List<String> regions, List<String> subtasks, int events) {
        TenTwentyOne.awaitTrue(Duration.ofSeconds(60), () -> {
            int logged = 0;
            for (String region : regions) {
                for (String subtask : subtasks) {
                    try {
                        logged += logged(region, subtask);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return logged == events;
        });
    }

    /** How many asOf checkpoints are at or after the instant. */
    private int checkpointsFrom(Instant instant) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select count(*) from status_checkpoint where at >= ?")) {
            query.setTimestamp(1, java.sql.Timestamp.from(instant));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    @Test
    void anUnreadableRecordIsSetAsideAndConsumptionGoesOn() {
        String subtask = TenTwentyOne.sandboxSubtask();
        produce(List.of(
                TenTwentyOne.record("status-changed", "lappi", "this is not JSON"),
                TenTwentyOne.record("status-changed", "lappi", "{\"specversion\":\"1.0\",\"type\":\"other\"}"),
                TenTwentyOne.record(
                        "status-changed",
                        "lappi",
                        TenTwentyOne.statusEvent("lappi", subtask, 1, Status.ON_SCHEDULE, null, null, false, LATER))));
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> "ON_SCHEDULE".equals(statusOf(subtask, "lappi")));
    }

    @Test
    void theDatabaseKnowsExactlyWhereEachPartitionResumesAfterARestart() throws Exception {
        String subtask = TenTwentyOne.sandboxSubtask();
        produce(List.of(TenTwentyOne.record(
                "status-changed",
                "pirkanmaa",
                TenTwentyOne.statusEvent("pirkanmaa", subtask, 1, Status.DONE, null, null, false, LATER))));
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> "DONE".equals(statusOf(subtask, "pirkanmaa")));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            var partitions = admin
                    .describeTopics(List.of("status-changed", "roadmap-published"))
                    .allTopicNames()
                    .get()
                    .values()
                    .stream()
                    .flatMap(topic ->
                            topic.partitions().stream().map(info -> new TopicPartition(topic.name(), info.partition())))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> {
                for (TopicPartition partition : partitions) {
                    long end = ends.get(partition).offset();
                    long stored = uncheck(() -> storedNextOffset(partition));
                    if (end > 0 && stored != end) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    @Test
    void aNewRoadmapVersionChangesTheTrackedSetsWithoutReReporting() {
        int before = given().get("/api/v1/situation/readiness?deadline=2023-01-01")
                .jsonPath()
                .getInt("rows.find { it.region == 'lappi' }.cells.YP.tracked");
        int version = TenTwentyOne.ROADMAP_VERSION + 1;
        produce(List.of(TenTwentyOne.record(
                "roadmap-published",
                String.valueOf(version),
                TenTwentyOne.roadmapEvent(
                        version,
                        Instant.parse("2021-11-15T08:00:00Z"),
                        List.<String[]>of(new String[] {"YP-X-1.1", "lappi"})))));
        TenTwentyOne.awaitTrue(
                Duration.ofSeconds(30),
                () -> given().get("/api/v1/situation/readiness").jsonPath().getInt("roadmapVersion") == version);
        var readiness =
                given().get("/api/v1/situation/readiness?deadline=2023-01-01").jsonPath();
        assertEquals(before + 1, readiness.getInt("rows.find { it.region == 'lappi' }.cells.YP.tracked"));
        assertEquals(before, readiness.getInt("rows.find { it.region == 'kainuu' }.cells.YP.tracked"));
        // the picture as of before the new version still follows the old one
        given().get("/api/v1/situation/readiness?deadline=2023-01-01&asOf=2021-11-01T00:00:00Z")
                .then()
                .body("roadmapVersion", org.hamcrest.Matchers.equalTo(TenTwentyOne.ROADMAP_VERSION));
    }

    private long storedNextOffset(TopicPartition partition) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select next_offset from consumed_offset where topic = ? and partition = ?")) {
            query.setString(1, partition.topic());
            query.setInt(2, partition.partition());
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        }
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T uncheck(Step<T> step) {
        try {
            return step.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
