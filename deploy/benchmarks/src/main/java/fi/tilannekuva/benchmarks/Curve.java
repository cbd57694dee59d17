package fi.tilannekuva.benchmarks;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.local.ServiceProcess;
import fi.tilannekuva.system.Databases;
import fi.tilannekuva.system.Http;
import fi.tilannekuva.system.Json;
import fi.tilannekuva.system.Report;
import fi.tilannekuva.system.Roadmap;
import fi.tilannekuva.system.SystemUnderTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The cost curve: the same reads and writes at 1×, 10× and 100× the data. The data grows through the real path
 * (whole rounds posted to status-service, applied by situation-service from {@code status-changed}); at each scale
 * the live picture (served and recomputed), {@code asOf} (as the live apply left the log, then again after a
 * {@code VACUUM} of it by hand), the unit drill-down, freezing and serving a round, a whole
 * round's POST, the rebuild from the topics beside a bare Kafka consumer reading the same topic, each service's memory
 * and each database's size are measured.
 */
final class Curve {

    /**
     * A point of the curve.
     *
     * @param name how it is printed
     * @param perGroup subtasks per preparation group of its roadmap (five groups)
     * @param events the history's length it grows to: status events on {@code status-changed}
     */
    record Scale(String name, int perGroup, long events) {}

    static final List<Scale> SCALES = List.of(
            new Scale("1×", 100, 10_000), new Scale("10×", 1_000, 100_000), new Scale("100×", 1_000, 1_000_000));

    private static final String TOPIC = "status-changed";

    /** situation-service's partner journal's consumer group (application.properties). */
    private static final String JOURNAL_GROUP = "situation-service-partners";

    private final SystemUnderTest system;
    private final Databases databases;
    private final List<String> rows = new ArrayList<>();
    private final List<String> memoryRows = new ArrayList<>();
    private final List<String> plans = new ArrayList<>();
    private Roadmap roadmap;
    private int round;
    private final AtomicLong distinct = new AtomicLong();
    private Instant historyStart;

    Curve(SystemUnderTest system) {
        this.system = system;
        this.databases = system.databases();
    }

    /** Grows the data to each scale in turn and measures there. */
    void run(List<Scale> scales) throws Exception {
        historyStart = Instant.now();
        for (Scale scale : scales) {
            System.out.println("Cost curve at " + scale.name() + "...");
            if (roadmap == null
                    || roadmap.subtasks().size()
                            != scale.perGroup() * Group.codes().size()) {
                roadmap = Roadmap.generated("curve " + scale.name(), 7, scale.perGroup());
                system.publish(roadmap);
                awaitApplied(Duration.ofMinutes(2), "roadmap-published");
            }
            Load.Result rounds = grow(scale);
            measure(scale, rounds);
        }
    }

    /** Posts whole rounds, every unit its applicable subtasks, each item a change, until the history is long enough. */
    private Load.Result grow(Scale scale) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long begin = System.nanoTime();
        long posted = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Counted as posted, not as read from the topic: the relay publishes behind the posts.
            long before = history(TOPIC);
            while (latencies.isEmpty() || before + posted < scale.events()) { // at least one whole round
                round++;
                List<Future<Long>> units = new ArrayList<>();
                for (String unit : Units.ALL) {
                    List<Roadmap.Subtask> applicable = roadmap.applicableTo(unit);
                    int r = round;
                    units.add(pool.submit(() -> {
                        List<Report.Item> items = new ArrayList<>();
                        for (int k = 0; k < applicable.size(); k++) {
                            items.add(Report.Item.of(
                                    applicable.get(k).id(),
                                    Status.codes()
                                            .get(Math.floorMod(
                                                    r + k, Status.codes().size()))));
                        }
                        long start = System.nanoTime();
                        Http.Reply reply = system.status()
                                .post("/api/v1/reports")
                                .bearer(SystemUnderTest.reporter(unit))
                                .json(new Report(unit, Instant.now(), items))
                                .timeout(Duration.ofMinutes(2))
                                .send();
                        if (reply.status() != 200 && reply.status() != 201) {
                            throw new IllegalStateException("round refused: " + reply);
                        }
                        return System.nanoTime() - start;
                    }));
                    posted += applicable.size();
                }
                for (Future<Long> unit : units) {
                    latencies.add(unit.get());
                }
                if (round % 5 == 0) {
                    System.out.printf(Locale.ROOT, "  round %d: %,d events on %s%n", round, history(TOPIC), TOPIC);
                }
            }
        } finally {
            pool.shutdown();
        }
        long elapsed = System.nanoTime() - begin;
        Duration lag = awaitApplied(Duration.ofMinutes(30), TOPIC);
        System.out.printf(
                Locale.ROOT,
                "  %,d items posted in %.1f s (%.0f items/s); situation-service applied the last %.1f s later%n",
                posted,
                elapsed / 1e9,
                posted * 1e9 / elapsed,
                lag.toMillis() / 1000.0);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Load.Result(
                "whole round of a unit (" + roadmap.applicableTo("lappi").size() + " items)", 2, elapsed, sorted);
    }

    private void measure(Scale scale, Load.Result rounds) throws Exception {
        quiesce(Duration.ofMinutes(10));
        long events = databases.count("situation", "select count(*) from status_event");
        long current = databases.count("situation", "select count(*) from current_status");
        String context = String.format(
                Locale.ROOT,
                "%s (%,d subtasks, %,d events, %,d current)",
                scale.name(),
                roadmap.subtasks().size(),
                events,
                current);
        Http situation = system.situation();
        String window = "from=" + SystemUnderTest.FROM + "&to=" + SystemUnderTest.TO;
        row(context, "whole round POSTed (2 threads)", rounds);
        row(context, "live picture, served", Load.sequential("progress", 20, 200, (t, i) -> {
            ok(situation.get("/api/v1/situation/progress?" + window).send());
        }));
        // Another window each time: every answer is computed from the current table, none comes from the cache.
        row(context, "live picture, recomputed", Load.sequential("progress, new window", 5, 40, (t, i) -> {
            ok(situation
                    .get("/api/v1/situation/progress?from=" + SystemUnderTest.FROM + "&to="
                            + SystemUnderTest.TO.plusDays(distinct.incrementAndGet()))
                    .send());
        }));
        Instant end = Instant.now();
        Duration span = Duration.between(historyStart, end);
        // What the machine does meanwhile: five seconds of the system left alone, then the asOf requests.
        CpuMeter cpu = CpuMeter.of(system);
        CpuMeter.Reading idleStart = cpu.read();
        SystemUnderTest.sleep(Duration.ofSeconds(5));
        CpuMeter.Reading asOfStart = cpu.read();
        row(context, "asOf (another instant each time, from the log)", asOf("asOf", situation, window, span));
        CpuMeter.Reading asOfEnd = cpu.read();
        String idle = CpuMeter.since(idleStart, asOfStart);
        String during = CpuMeter.since(asOfStart, asOfEnd);
        plans.add("CPU at " + context + ", five seconds idle just before asOf: " + idle + "; during the asOf requests: "
                + during + "\n");
        System.out.println("  CPU idle before asOf: " + idle);
        System.out.println("  CPU during asOf: " + during);
        explainAsOf(context, historyStart.plus(span.dividedBy(2)));
        // The same after a VACUUM of the log by hand: what the dead index entries left by the live apply cost asOf.
        long vacuumStart = System.nanoTime();
        try (java.sql.Connection connection = databases.connect("situation");
                java.sql.Statement vacuum = connection.createStatement()) {
            vacuum.execute("vacuum (analyze) status_event");
        }
        long vacuumNanos = System.nanoTime() - vacuumStart;
        row(context, "VACUUM (ANALYZE) status_event, by hand", once("vacuum", vacuumNanos));
        row(context, "asOf after that VACUUM", asOf("asOf, vacuumed", situation, window, span));
        explainAsOf(context + ", after that VACUUM", historyStart.plus(span.dividedBy(2)));
        row(context, "unit drill-down", Load.sequential("unit", 5, 46, (t, i) -> {
            String unit = Units.ALL.get((int) Math.floorMod(i, Units.ALL.size()));
            ok(situation
                    .get("/api/v1/situation/units/" + unit)
                    .bearer(SystemUnderTest.reader())
                    .send());
        }));
        long freezeStart = System.nanoTime();
        Http.Reply frozen = situation
                .post("/api/v1/situation/snapshots")
                .bearer(SystemUnderTest.admin())
                .json(Json.object()
                        .put("name", "curve " + scale.name())
                        .set(
                                "window",
                                Json.object()
                                        .put("from", SystemUnderTest.FROM.toString())
                                        .put("to", SystemUnderTest.TO.toString())))
                .timeout(Duration.ofMinutes(2))
                .send();
        long freezeNanos = System.nanoTime() - freezeStart;
        if (frozen.status() != 201 && frozen.status() != 200) {
            throw new IllegalStateException("round not frozen: " + frozen);
        }
        row(context, "round frozen (POST snapshots)", once("freeze", freezeNanos));
        String id = frozen.json().path("id").asText();
        row(context, "frozen round served", Load.sequential("frozen", 20, 200, (t, i) -> {
            ok(situation.get("/api/v1/situation/snapshots/" + id + "/progress").send());
        }));
        rebuild(context);
        memory(context);
    }

    /**
     * Waits until no autovacuum worker runs, up to a limit, and says what ran: the growth writes a year of rounds in
     * minutes, and the vacuums it sets off afterwards would otherwise share the two cores with the reads measured.
     */
    private void quiesce(Duration limit) throws Exception {
        Instant begin = Instant.now();
        java.util.Set<String> seen = new java.util.TreeSet<>();
        while (true) {
            List<String> running = new ArrayList<>();
            try (java.sql.Connection connection = databases.connect("situation");
                    java.sql.Statement statement = connection.createStatement();
                    java.sql.ResultSet workers =
                            statement.executeQuery("select datname || ': ' || query from pg_stat_activity"
                                    + " where backend_type = 'autovacuum worker'")) {
                while (workers.next()) {
                    running.add(workers.getString(1));
                }
            }
            seen.addAll(running);
            Duration waited = Duration.between(begin, Instant.now());
            if (running.isEmpty() || waited.compareTo(limit) > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "  waited %.0f s for autovacuum before measuring%s%s%n",
                        waited.toMillis() / 1000.0,
                        running.isEmpty() ? "" : " (gave up: still running)",
                        seen.isEmpty() ? "" : "; it ran " + seen);
                return;
            }
            SystemUnderTest.sleep(Duration.ofSeconds(1));
        }
    }

    /** One step timed once, as a row of the table. */
    private static Load.Result once(String name, long nanos) {
        return new Load.Result(name, 1, nanos, new long[] {nanos});
    }

    /** The progress view as of another instant of the history each time (none from the cache). */
    private Load.Result asOf(String name, Http situation, String window, Duration span) {
        return Load.sequential(name, 3, 30, (t, i) -> {
            long k = distinct.incrementAndGet();
            Instant at = historyStart.plusMillis(Math.floorMod(k * 7919L, Math.max(1, span.toMillis())));
            ok(situation
                    .get("/api/v1/situation/progress?" + window + "&asOf=" + at)
                    .send());
        });
    }

    /**
     * The asOf queries alone in PostgreSQL ({@code EXPLAIN (ANALYZE, BUFFERS)}): the one situation-service sends first
     * (the latest checkpoint at or before the instant and the events recorded after it), the one it falls back to
     * without a checkpoint (the rows whose validity interval holds the instant, through its GiST index), and for
     * comparison the one it sent before both (per key the highest version recorded by then, {@code distinct on} over
     * every event recorded by then); and how many checkpoints there are, how large.
     */
    private void explainAsOf(String context, Instant at) throws Exception {
        String columns = "region, subtask, version, status, comment, support_needed, reported_at, recorded_at";
        Timestamp instant = Timestamp.from(at);
        long layout =
                0; // the latest checkpoint's: the curve publishes one roadmap version, the one asOf counts against
        try (java.sql.Connection connection = databases.connect("situation");
                java.sql.PreparedStatement latest = connection.prepareStatement(
                        "select layout from status_checkpoint where at <= ? order by at desc limit 1")) {
            latest.setTimestamp(1, instant);
            try (java.sql.ResultSet row = latest.executeQuery()) {
                layout = row.next() ? row.getLong(1) : 0;
            }
        }
        List<String> checkpoint = explain( // word for word the statement of StatusRepository.fromCheckpoint
                """
                with c as (select at, layout, grid from status_checkpoint where at <= ? order by at desc limit 1)
                select c.grid, null::text, null::text, null::bigint, null::text from c where c.layout = ?
                union all
                select null, e.region, e.subtask, e.version, e.status
                from c join status_event e on e.recorded_at > c.at and e.recorded_at <= ?
                where c.layout = ?""",
                instant,
                layout,
                instant,
                layout);
        List<String> served = explain(
                "select region, subtask, version, status from status_event where tstzrange(recorded_at, case when"
                        + " superseded_at is null then null else greatest(recorded_at, superseded_at) end, '[)')"
                        + " @> cast(? as timestamptz)",
                instant);
        List<String> before = explain(
                "select distinct on (region, subtask) " + columns
                        + " from status_event where recorded_at <= ? order by region, subtask, version desc",
                instant);
        String checkpoints = String.format(
                Locale.ROOT,
                "%,d checkpoints, %,d kB in all",
                databases.count("situation", "select count(*) from status_checkpoint"),
                databases.count(
                        "situation", "select coalesce(sum(octet_length(grid)), 0) / 1024 from status_checkpoint"));
        plans.add("At " + context + ", the query served (" + checkpoints + "):\n\n```\n"
                + String.join("\n", checkpoint) + "\n```\n\nWithout a checkpoint, from the log's valid rows: "
                + executionTime(served) + "; the query before both (distinct on): " + executionTime(before) + "\n");
        System.out.println("  asOf query in PostgreSQL: " + executionTime(checkpoint) + " (" + checkpoints
                + "; without a checkpoint: " + executionTime(served) + "; the query before both: "
                + executionTime(before) + ")");
    }

    private List<String> explain(String query, Object... parameters) throws Exception {
        List<String> plan = new ArrayList<>();
        try (java.sql.Connection connection = databases.connect("situation");
                java.sql.PreparedStatement explain =
                        connection.prepareStatement("explain (analyze, buffers) " + query)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    plan.add(lines.getString(1));
                }
            }
        }
        return plan;
    }

    private static String executionTime(List<String> plan) {
        return plan.stream()
                .filter(line -> line.startsWith("Execution Time"))
                .findFirst()
                .orElse("?");
    }

    /** The rebuild from the topics, beside a bare Kafka consumer reading {@code status-changed} from its beginning. */
    private void rebuild(String context) throws Exception {
        long onTopic = history(TOPIC);
        long start = System.nanoTime();
        Http.Reply reply = system.situation()
                .post("/api/v1/situation/admin/rebuild")
                .bearer(SystemUnderTest.admin())
                .send();
        if (reply.status() != 202 && reply.status() != 200) {
            throw new IllegalStateException("rebuild refused: " + reply);
        }
        SystemUnderTest.sleep(Duration.ofSeconds(2));
        awaitApplied(Duration.ofMinutes(60), TOPIC);
        long rebuildNanos = System.nanoTime() - start;
        long bareStart = System.nanoTime();
        long read = bareConsumer(TOPIC);
        long bareNanos = System.nanoTime() - bareStart;
        double rebuildRate = onTopic * 1e9 / rebuildNanos;
        double bareRate = read * 1e9 / bareNanos;
        rows.add(String.format(
                Locale.ROOT,
                "| %s | rebuild from the topics | %,d events in %.1f s: %,.0f events/s | bare Kafka consumer, same"
                        + " topic: %,d records in %.1f s, %,.0f records/s | %.2f× |",
                context,
                onTopic,
                rebuildNanos / 1e9,
                rebuildRate,
                read,
                bareNanos / 1e9,
                bareRate,
                rebuildRate / bareRate));
        System.out.println("  " + rows.get(rows.size() - 1));
    }

    /** Reads the topic from its beginning to its end with a new group, deserializing each record to a string. */
    private long bareConsumer(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.infra().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "curve-bare-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                500,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            long bytes = 0;
            while (read < total) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    bytes += record.value().length();
                }
            }
            if (bytes == 0) {
                throw new IllegalStateException("the topic " + topic + " was empty");
            }
            return read;
        }
    }

    private void memory(String context) {
        StringBuilder line = new StringBuilder("| " + context + " |");
        for (ServiceProcess service : system.services().services()) {
            line.append(String.format(
                    Locale.ROOT,
                    " %s %s (peak %s) |",
                    service.name(),
                    Footprint.mib(Footprint.kib(service.pid(), "VmRSS:")),
                    Footprint.mib(Footprint.kib(service.pid(), "VmHWM:"))));
        }
        line.append(String.format(
                Locale.ROOT,
                " status %s, situation %s |",
                megabytes(databases.count("status", "select pg_database_size('status')")),
                megabytes(databases.count("situation", "select pg_database_size('situation')"))));
        memoryRows.add(line.toString());
        System.out.println("  " + line);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private void row(String context, String what, Load.Result result) {
        if (result.latencies().length == 0) {
            throw new IllegalStateException(what + " at " + context + ": nothing measured");
        }
        String line = String.format(
                Locale.ROOT,
                "| %s | %s | %d | %.1f ms | %.1f ms | %.1f ms |",
                context,
                what,
                result.latencies().length,
                result.p50(),
                result.p99(),
                result.latencies()[result.latencies().length - 1] / 1e6);
        rows.add(line);
        System.out.println("  " + line);
    }

    private static void ok(Http.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("unexpected answer: " + reply);
        }
    }

    /** The records on a topic: the sum of its partitions' end offsets. */
    private long history(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.infra().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /**
     * Waits until status-service's relay has published every stored event and situation-service's stored offsets on
     * the topic reach its end; how long that took.
     */
    private Duration awaitApplied(Duration timeout, String topic) {
        Instant begin = Instant.now();
        SystemUnderTest.await("situation-service applied " + topic, timeout, () -> {
            long end = history(topic); // read once per check: both consumers are held to the same end
            boolean caughtUp = databases.count(
                                    "status",
                                    "select count(*) from (select 1 from outbox where sent_at is null limit 1) unsent")
                            == 0
                    && databases.count(
                                    "situation",
                                    "select coalesce(sum(next_offset), 0) from consumed_offset where topic = '" + topic
                                            + "'")
                            >= end
                    && journalled(topic, end);
            if (!caughtUp) {
                SystemUnderTest.sleep(Duration.ofMillis(200));
            }
            return caughtUp;
        });
        return Duration.between(begin, Instant.now());
    }

    /**
     * Whether situation-service's partner journal (a consumer group of its own on the same topic) has committed the
     * topic's end: until then it still takes CPU the figures would share.
     */
    private boolean journalled(String topic, long end) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", system.infra().bootstrapServers()))) {
            long committed =
                    admin
                            .listConsumerGroupOffsets(JOURNAL_GROUP)
                            .partitionsToOffsetAndMetadata()
                            .get()
                            .entrySet()
                            .stream()
                            .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                            .mapToLong(entry -> entry.getValue().offset())
                            .sum();
            return committed >= end;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the offsets of " + JOURNAL_GROUP, e);
        }
    }

    /** The curve's tables. */
    String table() {
        return "| scale | measurement | samples | p50 | p99 | max |\n|---|---|---|---|---|---|\n"
                + String.join(
                        "\n",
                        rows.stream().filter(r -> !r.contains("rebuild from")).toList())
                + "\n\nThe rebuild from the topics:\n\n| scale | measurement | the system | baseline | ratio |\n"
                + "|---|---|---|---|---|\n"
                + String.join(
                        "\n",
                        rows.stream().filter(r -> r.contains("rebuild from")).toList())
                + "\n\nMemory (resident, and the peak so far) and each database's size after each scale:\n\n"
                + "| scale | service | service | service | databases |\n|---|---|---|---|---|\n"
                + String.join("\n", memoryRows) + "\n"
                + "\nThe asOf query in PostgreSQL (EXPLAIN (ANALYZE, BUFFERS), an instant in the middle of the history):\n\n"
                + String.join("\n", plans);
    }
}
