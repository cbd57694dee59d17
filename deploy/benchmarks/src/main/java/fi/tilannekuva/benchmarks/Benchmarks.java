package fi.tilannekuva.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.local.LocalInfra;
import fi.tilannekuva.local.RunningSystem;
import fi.tilannekuva.system.Http;
import fi.tilannekuva.system.Json;
import fi.tilannekuva.system.PartnerEndpoint;
import fi.tilannekuva.system.Report;
import fi.tilannekuva.system.Roadmap;
import fi.tilannekuva.system.SystemUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark suite ({@code deploy/benchmark.sh}): starts the whole system on one PostgreSQL and Kafka, measures
 * ingest, freshness and dashboard polling, each next to its baseline taken in the same run, and prints the ratios.
 */
public final class Benchmarks {

    private static final int THREADS = 4;
    private static final int ROUND_ITEMS = 300;
    /** How long the freshness probe waits between two polls that did not yet show the change. */
    private static final Duration FRESHNESS_POLL_SPACING = Duration.ofMillis(1);

    private static final int FRESHNESS_WARMUP = 200;

    /** Between two samples of freshness on the change stream: more than its one announcement a second. */
    private static final Duration STREAM_SAMPLE_SPACING = Duration.ofMillis(1100);

    private static final int STREAM_WARMUP = 5;
    private static final int STREAM_SAMPLES = 60;

    /** A column of the median table: a figure of a (system, baseline) pair and how it is printed. */
    private record Column(java.util.function.ToDoubleFunction<Load.Result[]> figure, String format) {}

    private static final List<Column> MEDIAN_COLUMNS = List.of(
            new Column(p -> p[0].throughput(), "%.0f /s"),
            new Column(p -> p[0].p50(), "%.2f ms"),
            new Column(p -> p[0].p99(), "%.2f ms"),
            new Column(p -> p[1].throughput(), "%.0f /s"),
            new Column(p -> p[1].p50(), "%.2f ms"),
            new Column(p -> p[1].p99(), "%.2f ms"),
            new Column(p -> p[0].throughput() / p[1].throughput(), "%.2f×"),
            new Column(p -> p[0].p50() / p[1].p50(), "%.1f×"),
            new Column(p -> p[0].p99() / p[1].p99(), "%.1f×"));

    private final SystemUnderTest system;
    private final Baselines baselines;
    private final List<String> rows = new ArrayList<>();
    private final List<String> cpuRows = new ArrayList<>();
    /** Each measurement's (system, baseline) results, one pair per run. */
    private final Map<String, List<Load.Result[]>> results = new LinkedHashMap<>();
    /** How many times each figure is measured ({@code --runs}, default 3). */
    private final int repeats;

    private int run;
    private final CpuMeter cpu;
    private CpuMeter.Reading cpuMark;
    private final Footprint footprint;

    /** The measurements to run (all without {@code --only}). */
    private final List<String> only;

    private Benchmarks(SystemUnderTest system, Baselines baselines, List<String> only, int repeats) throws Exception {
        this.repeats = repeats;
        this.system = system;
        this.baselines = baselines;
        this.only = only;
        this.footprint = new Footprint(system.services().services());
        // Started alone, each service's start time compares with the bare application's (also started alone).
        footprint.restartEachAlone();
        this.cpu = CpuMeter.of(system);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        List<String> only = List.of();
        int repeats = 3;
        List<String> scales = List.of("1", "10", "100");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--root")) {
                root = Path.of(args[++i]);
            } else if (args[i].equals("--runs")) {
                repeats = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--scales")) {
                scales = List.of(args[++i].split(","));
            } else if (args[i].equals("--only")) {
                only = List.of(args[++i].split(","));
            }
        }
        root = root.toAbsolutePath().normalize();
        List<String> wanted = scales;
        List<Curve.Scale> curveScales = Curve.SCALES.stream()
                .filter(scale -> wanted.contains(scale.name().replace("×", "")))
                .toList();
        StringBuilder results = new StringBuilder();
        if (!only.equals(List.of("curve"))) {
            results.append(measure(root, only, repeats));
        }
        if ((only.isEmpty() || only.contains("curve")) && !curveScales.isEmpty()) {
            results.append(
                            "\nThe cost curve, on a system of its own started empty (the data grown through the real path;"
                                    + " see Curve):\n\n")
                    .append(curve(root, curveScales));
        }
        System.out.println();
        System.out.println(results);
        Path out = root.resolve("deploy/benchmarks/target/benchmark-results.md");
        Files.writeString(out, results);
        System.out.println("Written to " + out);
        System.exit(0);
    }

    /** Every measurement but the cost curve, on one system; the tables. */
    private static String measure(Path root, List<String> only, int repeats) throws Exception {
        Instant begin = Instant.now();
        System.out.println("Starting PostgreSQL, Kafka and the three services...");
        // Started durable, then switched to the tests' fast setting: the fsync=on rows switch it back for a while.
        LocalInfra infra = LocalInfra.fresh(true);
        Statements statements = new Statements(infra);
        statements.enable();
        infra.postgres().switchDurability(false);
        System.out.println("Starting the bare Quarkus application alone (the footprint's baseline)...");
        Footprint.Bare bare = Footprint.bare(root, jvmOptions(), RunningSystem.PROCESS_ENVIRONMENT);
        SystemUnderTest system = SystemUnderTest.start(
                infra, root, root.resolve("deploy/benchmarks/target"), jvmOptions(), null, Map.of());
        System.out.printf(
                "  up in %.1f s%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        try (Baselines baselines = new Baselines(system.infra())) {
            Benchmarks benchmarks = new Benchmarks(system, baselines, only, repeats);
            benchmarks.footprint.baseline(bare);
            statements.reset();
            benchmarks.runAll();
            return benchmarks.table(Duration.between(begin, Instant.now()))
                    + "\nPostgreSQL's statements that took the most time (pg_stat_statements, every run and baseline):\n\n"
                    + statements.top(15);
        } finally {
            system.services().close();
            system.infra().close();
        }
    }

    /**
     * The cost curve on a system of its own, started empty: the other measurements' reports would otherwise be its
     * first scale's history.
     */
    private static String curve(Path root, List<Curve.Scale> scales) throws Exception {
        Instant begin = Instant.now();
        System.out.println("Starting an empty PostgreSQL, Kafka and the three services for the cost curve...");
        LocalInfra infra = LocalInfra.fresh(false);
        // PostgreSQL's buffer pool is its default (128 MB) unless BENCHMARK_CURVE_SHARED_BUFFERS says otherwise: at
        // 1 M events the situation database is ~1.4 GB, and asOf reads pages scattered over the event log.
        String sharedBuffers = System.getenv("BENCHMARK_CURVE_SHARED_BUFFERS");
        if (sharedBuffers != null && !sharedBuffers.isBlank()) {
            infra.postgres().alterSystem("shared_buffers", sharedBuffers.trim());
            infra.postgres().stop();
            infra.postgres().start();
            System.out.println("  PostgreSQL restarted with shared_buffers = " + sharedBuffers.trim());
        }
        SystemUnderTest system = SystemUnderTest.start(
                infra, root, root.resolve("deploy/benchmarks/target/curve"), jvmOptions(), null, Map.of());
        try {
            Curve curve = new Curve(system);
            curve.run(scales);
            return String.format(
                            Locale.ROOT,
                            "Whole curve %.0f s.%n%n",
                            Duration.between(begin, Instant.now()).toMillis() / 1000.0)
                    + curve.table();
        } finally {
            system.services().close();
            system.infra().close();
        }
    }

    /**
     * The services' JVM options: {@link RunningSystem#LEAN_JVM}, or {@code BENCHMARK_JVM_OPTIONS} when set; with {@code BENCHMARK_PROFILE=DIR} each
     * service also records a JDK Flight Recorder profile into DIR (read with {@code jfr print} or JDK Mission Control).
     */
    private static List<String> jvmOptions() {
        String override = System.getenv("BENCHMARK_JVM_OPTIONS");
        List<String> options = new ArrayList<>(
                override == null || override.isBlank()
                        ? RunningSystem.LEAN_JVM
                        : List.of(override.trim().split("\\s+")));
        String profile = System.getenv("BENCHMARK_PROFILE");
        if (profile != null && !profile.isBlank()) {
            try {
                java.nio.file.Files.createDirectories(Path.of(profile));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // A directory: each service's JVM writes its own recording there, named by its pid.
            // Deep stacks (a request through Vert.x, RESTEasy, CDI, JTA and JDBC is deeper than the default 64 frames).
            options.add("-XX:FlightRecorderOptions=stackdepth=256");
            options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(profile).toAbsolutePath() + "/");
        }
        return options;
    }

    private void runAll() throws Exception {
        // 60 subtasks per group: 300 in all, every one of them applies to the Uusimaa units (whole rounds).
        Roadmap roadmap =
                Roadmap.generated("benchmark", 42, ROUND_ITEMS / Group.codes().size());
        int version = system.publish(roadmap);
        System.out.println("Published roadmap version " + version + " ("
                + roadmap.subtasks().size() + " subtasks)");
        Thread.sleep(5_000); // the start-up's background work settles before the idle figure
        footprint.idle();
        for (run = 1; run <= repeats; run++) {
            System.out.println("Run " + run + " of " + repeats);
            if (runs("ingest")) {
                singleItemIngest(roadmap, "", 300);
                wholeRoundIngest(roadmap, "");
                // Production durability: every commit waits for its write-ahead log to reach the disk.
                system.infra().postgres().switchDurability(true);
                try {
                    singleItemIngest(roadmap, ", fsync=on", 50);
                    wholeRoundIngest(roadmap, ", fsync=on");
                } finally {
                    system.infra().postgres().switchDurability(false);
                }
            }
            if (runs("freshness")) {
                freshness(roadmap);
            }
            if (runs("polling")) {
                polling();
            }
            if (runs("webhooks")) {
                webhookDeliveries(roadmap);
            }
        }
    }

    private boolean runs(String measurement) {
        return only.isEmpty() || only.contains(measurement);
    }

    /**
     * @param variant what sets this measurement apart (", fsync=on"), appended to its name; empty for the usual one
     * @param warmup how many unmeasured reports go first
     */
    private void singleItemIngest(Roadmap roadmap, String variant, int warmup) throws Exception {
        System.out.println("Single-item ingest" + variant + "...");
        List<String> units =
                Units.ALL.stream().filter(u -> !Units.UUSIMAA.contains(u)).toList();
        List<String> subtasks =
                roadmap.applicableTo("lappi").stream().map(Roadmap.Subtask::id).toList();
        String[] tokens = units.stream().map(SystemUnderTest::reporter).toArray(String[]::new);
        Http status = system.status();
        cpuFrom();
        Load.Result service =
                Load.run("POST /api/v1/reports, one item", THREADS, warmup, 3000, Duration.ofSeconds(40), (t, i) -> {
                    int u = (int) Math.floorMod(i, units.size());
                    long n = Math.floorDiv(i, units.size());
                    String subtask = subtasks.get((int) Math.floorMod(n, subtasks.size()));
                    String state = Status.codes().get((int) Math.floorMod(Math.floorDiv(n, subtasks.size()) + i, 5));
                    Http.Reply reply = status.post("/api/v1/reports")
                            .bearer(tokens[u])
                            .json(new Report(units.get(u), Instant.now(), List.of(Report.Item.of(subtask, state))))
                            .send();
                    expect(reply, 200, 201);
                });
        Connection[] connections = baselines.connections(THREADS);
        cpuTo("single-item ingest" + variant + ": the system");
        Load.Result baseline = Load.run(
                "JDBC single-row insert (autocommit)",
                THREADS,
                warmup,
                3000,
                Duration.ofSeconds(40),
                (t, i) -> Baselines.insertOne(connections[t], i));
        cpuTo("single-item ingest" + variant + ": the baseline");
        compare("single-item ingest" + variant, service, baseline);
    }

    private void wholeRoundIngest(Roadmap roadmap, String variant) throws Exception {
        System.out.println("Whole-round ingest (" + ROUND_ITEMS + " items" + variant + ")...");
        List<String> units = Units.UUSIMAA;
        List<String> subtasks =
                roadmap.subtasks().stream().map(Roadmap.Subtask::id).toList();
        Http status = system.status();
        int threads = 2;
        cpuFrom();
        Load.Result service = Load.run(
                "POST /api/v1/reports, " + ROUND_ITEMS + " items", threads, 6, 60, Duration.ofSeconds(60), (t, i) -> {
                    String unit = units.get((int) Math.floorMod(i, units.size()));
                    String state = Status.codes().get((int) Math.floorMod(Math.floorDiv(i, units.size()), 5));
                    List<Report.Item> items =
                            subtasks.stream().map(s -> Report.Item.of(s, state)).toList();
                    Http.Reply reply = status.post("/api/v1/reports")
                            .bearer(SystemUnderTest.reporter(unit))
                            .json(new Report(unit, Instant.now(), items))
                            .timeout(Duration.ofSeconds(60))
                            .send();
                    expect(reply, 200, 201);
                });
        Connection[] connections = baselines.connections(threads);
        cpuTo("whole-round ingest" + variant + ": the system");
        Load.Result baseline = Load.run(
                "JDBC batch insert of " + ROUND_ITEMS + " rows, one transaction",
                threads,
                6,
                60,
                Duration.ofSeconds(60),
                (t, i) -> Baselines.insertBatch(connections[t], i, ROUND_ITEMS));
        cpuTo("whole-round ingest" + variant + ": the baseline");
        compare("whole-round ingest" + variant, service, baseline);
    }

    private void freshness(Roadmap roadmap) throws Exception {
        System.out.println("Freshness...");
        String unit = "lappi";
        List<Roadmap.Subtask> tracked = roadmap.subtasks().stream()
                .filter(s -> s.trackedIn(unit, SystemUnderTest.FROM, SystemUnderTest.TO))
                .toList();
        // Everything tracked NOT_STARTED first, so each sample moves exactly one cell by one.
        expect(
                system.report(new Report(
                        unit,
                        Instant.now(),
                        tracked.stream()
                                .map(s -> Report.Item.of(s.id(), "NOT_STARTED"))
                                .toList())),
                200,
                201);
        String path = "/api/v1/situation/progress?from=" + SystemUnderTest.FROM + "&to=" + SystemUnderTest.TO;
        Http situation = system.situation();
        AtomicReference<String> etag = new AtomicReference<>();
        SystemUnderTest.await("the unit's cells at 0 started", Duration.ofSeconds(30), () -> {
            JsonNode row = row(situation.get(path).send().json(), unit);
            return Group.codes().stream()
                    .allMatch(g -> row.path("cells").path(g).path("started").asInt(-1) == 0);
        });
        etag.set(situation.get(path).send().header("ETag").orElse(""));
        boolean[] started = new boolean[tracked.size()];
        int[] expected = new int[Group.codes().size()];
        Http status = system.status();
        String token = SystemUnderTest.reporter(unit);
        int samples = 200;
        long[] visibleAfter = new long[samples];
        Load.Operation probe = (t, i) -> {
            int k = (int) Math.floorMod(i, tracked.size());
            Roadmap.Subtask subtask = tracked.get(k);
            started[k] = !started[k];
            int g = Group.codes().indexOf(subtask.group());
            expected[g] += started[k] ? 1 : -1;
            Http.Reply accepted = status.post("/api/v1/reports")
                    .bearer(token)
                    .json(new Report(
                            unit,
                            Instant.now(),
                            List.of(Report.Item.of(subtask.id(), started[k] ? "IN_PROGRESS" : "NOT_STARTED"))))
                    .send();
            expect(accepted, 200, 201);
            long acceptedAt = System.nanoTime();
            long deadline = acceptedAt + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                Http.Reply poll =
                        situation.get(path).header("If-None-Match", etag.get()).send();
                if (poll.status() == 200) {
                    etag.set(poll.header("ETag").orElse(""));
                    JsonNode cell = row(poll.json(), unit).path("cells").path(subtask.group());
                    if (cell.path("started").asInt(-1) == expected[g]) {
                        if (i >= 0) {
                            visibleAfter[(int) i] = System.nanoTime() - acceptedAt;
                        }
                        return;
                    }
                }
                // Spaced polls, not a tight loop: the load generator must not take the cores the path it times
                // needs. The spacing bounds the error of each sample to one interval.
                LockSupport.parkNanos(FRESHNESS_POLL_SPACING.toNanos());
            }
            throw new IllegalStateException("report of " + subtask.id() + " not visible within 30 s");
        };
        // A long-running service is JIT-compiled: 200 unmeasured samples first, or the compiler threads' CPU (most of
        // situation-service's in a cold start) is what the figure shows.
        Load.sequential("warm-up", FRESHNESS_WARMUP, 0, probe);
        cpuFrom();
        Load.sequential("report accepted → visible in progress", 0, samples, probe);
        cpuTo("freshness: the system (polls spaced " + FRESHNESS_POLL_SPACING.toMillis() + " ms)");
        java.util.Arrays.sort(visibleAfter);
        Load.Result service = new Load.Result(
                "report accepted (201) → visible in progress",
                1,
                java.util.Arrays.stream(visibleAfter).sum(),
                visibleAfter);
        cpuFrom();
        Load.Result baseline = baselines.kafkaRoundTrip(50, 500);
        cpuTo("freshness: the baseline");
        compare("freshness", service, baseline);

        // As an open dashboard sees it: the change stream announces the change, then one GET shows it. No polls: the
        // load generator waits on the stream. The stream announces at most once a second, so the samples are spaced
        // by more than that, and each change is the first in its second (announced at once).
        long[] announcedAfter = new long[STREAM_SAMPLES];
        try (ChangeStream stream = ChangeStream.open(situation.baseUrl() + "/api/v1/situation/changes")) {
            Load.Operation streamed = (t, i) -> {
                LockSupport.parkNanos(STREAM_SAMPLE_SPACING.toNanos());
                stream.clear();
                int k = (int) Math.floorMod(i + FRESHNESS_WARMUP + samples, tracked.size());
                Roadmap.Subtask subtask = tracked.get(k);
                started[k] = !started[k];
                int g = Group.codes().indexOf(subtask.group());
                expected[g] += started[k] ? 1 : -1;
                expect(
                        status.post("/api/v1/reports")
                                .bearer(token)
                                .json(new Report(
                                        unit,
                                        Instant.now(),
                                        List.of(Report.Item.of(
                                                subtask.id(), started[k] ? "IN_PROGRESS" : "NOT_STARTED"))))
                                .send(),
                        200,
                        201);
                long acceptedAt = System.nanoTime();
                while (true) {
                    stream.next(Duration.ofSeconds(30));
                    JsonNode cell = row(situation.get(path).send().json(), unit)
                            .path("cells")
                            .path(subtask.group());
                    if (cell.path("started").asInt(-1) == expected[g]) {
                        if (i >= 0) {
                            announcedAfter[(int) i] = System.nanoTime() - acceptedAt;
                        }
                        return;
                    }
                }
            };
            cpuFrom();
            Load.sequential("report accepted → announced and visible", STREAM_WARMUP, STREAM_SAMPLES, streamed);
            cpuTo("freshness, change stream: the system (samples spaced " + STREAM_SAMPLE_SPACING.toMillis() + " ms)");
        }
        java.util.Arrays.sort(announcedAfter);
        compare(
                "freshness, change stream",
                new Load.Result(
                        "report accepted (201) → announced on the change stream → visible in progress",
                        1,
                        java.util.Arrays.stream(announcedAfter).sum(),
                        announcedAfter),
                baseline);
    }

    private void polling() {
        System.out.println("Dashboard polling...");
        Http situation = system.situation();
        String path = "/api/v1/situation/progress?from=" + SystemUnderTest.FROM + "&to=" + SystemUnderTest.TO;
        String etag = situation.get(path).send().header("ETag").orElse("\"none\"");
        // The baseline: the cheapest answer the same service gives, liveness (on its management interface).
        Http management = new Http(system.services().situation().managementUrl());
        cpuFrom();
        Load.Result live = Load.run(
                "GET /q/health/live",
                THREADS,
                500,
                6000,
                Duration.ofSeconds(20),
                (t, i) -> expect(management.get("/q/health/live").send(), 200));
        cpuTo("polling: the baseline (liveness)");
        Load.Result full = Load.run(
                "GET progress (200, full body)",
                THREADS,
                500,
                6000,
                Duration.ofSeconds(20),
                (t, i) -> expect(situation.get(path).send(), 200));
        cpuTo("polling: full body");
        Load.Result notModified = Load.run(
                "GET progress with If-None-Match (304)",
                THREADS,
                500,
                6000,
                Duration.ofSeconds(20),
                (t, i) ->
                        expect(situation.get(path).header("If-None-Match", etag).send(), 304));
        cpuTo("polling: 304");
        compare("polling progress", full, live);
        compare("polling progress, If-None-Match", notModified, live);
    }

    /**
     * Webhook deliveries to a receiver in this JVM: a paused subscription collects two whole rounds' events, then is
     * resumed and timed until the receiver has them all (one delivery at a time, each a signed POST and two
     * transactions); the baseline is the same POSTs, bodies of the same size, sent by this JVM's HTTP client one at a
     * time to the same receiver.
     */
    private void webhookDeliveries(Roadmap roadmap) throws Exception {
        System.out.println("Webhook deliveries...");
        String unit = "helsinki";
        try (PartnerEndpoint partner = PartnerEndpoint.start(Duration.ZERO)) {
            Http situation = system.situation();
            String id = system.subscribe("benchmark", partner.url(), unit)
                    .path("id")
                    .asText();
            setState(id, "DISABLED");
            // each run two rounds of statuses the unit does not have yet, so that every item is a change
            List<String> codes = Status.codes();
            for (String state : List.of(codes.get((2 * run) % 5), codes.get((2 * run + 1) % 5))) {
                expect(
                        system.report(new Report(
                                unit,
                                Instant.now(),
                                roadmap.subtasks().stream()
                                        .map(s -> Report.Item.of(s.id(), state))
                                        .toList())),
                        200,
                        201);
            }
            long[] backlog = {-1};
            SystemUnderTest.await("the paused subscription's backlog settles", Duration.ofSeconds(60), () -> {
                long now = situation
                        .get("/api/v1/subscriptions/" + id)
                        .bearer(SystemUnderTest.admin())
                        .send()
                        .json()
                        .path("backlog")
                        .asLong();
                boolean settled = now == backlog[0] && now >= roadmap.subtasks().size();
                backlog[0] = now;
                SystemUnderTest.sleep(Duration.ofMillis(500));
                return settled;
            });
            int events = (int) backlog[0];
            long resumed = System.nanoTime();
            cpuFrom();
            setState(id, "ACTIVE");
            SystemUnderTest.await("every event delivered", Duration.ofSeconds(300), () -> partner.count() >= events);
            cpuTo("webhook deliveries: the system");
            List<PartnerEndpoint.Delivery> deliveries = partner.deliveries();
            long[] gaps = new long[events];
            long previous = resumed;
            for (int n = 0; n < events; n++) {
                gaps[n] = deliveries.get(n).receivedAtNanos() - previous;
                previous = deliveries.get(n).receivedAtNanos();
            }
            java.util.Arrays.sort(gaps);
            Load.Result service = new Load.Result(
                    "webhook deliveries (signed CloudEvents, one subscription)", 1, previous - resumed, gaps);
            byte[] body = deliveries.get(0).body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .build();
            java.net.URI target = java.net.URI.create(partner.url());
            cpuFrom();
            Load.Result baseline =
                    Load.sequential("raw HTTP POST of the same body, same receiver", 50, events, (t, i) -> {
                        java.net.http.HttpResponse<Void> response = client.send(
                                java.net.http.HttpRequest.newBuilder(target)
                                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 204) {
                            throw new IllegalStateException("receiver answered " + response.statusCode());
                        }
                    });
            cpuTo("webhook deliveries: the baseline");
            compare("webhook deliveries", service, baseline);
        }
    }

    private void setState(String subscription, String state) {
        expect(
                system.situation()
                        .request("PATCH", "/api/v1/subscriptions/" + subscription)
                        .bearer(SystemUnderTest.admin())
                        .json(Json.object().put("state", state))
                        .send(),
                200);
    }

    private static JsonNode row(JsonNode picture, String unit) {
        for (JsonNode row : picture.path("rows")) {
            if (row.path("region").asText().equals(unit)) {
                return row;
            }
        }
        throw new IllegalStateException("no row for " + unit + " in " + picture);
    }

    private static void expect(Http.Reply reply, int... statuses) {
        for (int status : statuses) {
            if (reply.status() == status) {
                return;
            }
        }
        throw new IllegalStateException("unexpected answer: " + reply);
    }

    private void cpuFrom() {
        cpuMark = cpu.read();
    }

    private void cpuTo(String what) {
        CpuMeter.Reading now = cpu.read();
        String line = CpuMeter.since(cpuMark, now);
        System.out.println("  CPU during " + what + ": " + line);
        cpuRows.add("| " + run + " | " + what + " | " + line + " |");
        cpuMark = now;
    }

    private void compare(String what, Load.Result system, Load.Result baseline) {
        System.out.printf(
                Locale.ROOT,
                "  %s: %.0f/s p50 %.2f ms p99 %.2f ms | baseline %s: %.0f/s p50 %.2f ms p99 %.2f ms%n",
                system.name(),
                system.throughput(),
                system.p50(),
                system.p99(),
                baseline.name(),
                baseline.throughput(),
                baseline.p50(),
                baseline.p99());
        results.computeIfAbsent(what, k -> new ArrayList<>()).add(new Load.Result[] {system, baseline});
        rows.add(String.format(
                Locale.ROOT,
                "| %s | %s | %d | %d | %.0f /s | %.2f ms | %.2f ms | %s | %.0f /s | %.2f ms | %.2f ms | %.2f× | %.1f× | %.1f× |",
                what,
                system.name(),
                system.threads(),
                system.latencies().length,
                system.throughput(),
                system.p50(),
                system.p99(),
                baseline.name(),
                baseline.throughput(),
                baseline.p50(),
                baseline.p99(),
                system.throughput() / baseline.throughput(),
                system.p50() / baseline.p50(),
                system.p99() / baseline.p99()));
    }

    private String table(Duration total) {
        Runtime runtime = Runtime.getRuntime();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Machine: %d cores, %s, JDK %s (%s); whole run %.0f s%n%n",
                runtime.availableProcessors(),
                memory(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                total.toMillis() / 1000.0));
        out.append(
                "| measurement | system | threads | ops | throughput | p50 | p99 | baseline | throughput | p50 | p99 |"
                        + " throughput ratio | p50 ratio | p99 ratio |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        out.append(String.format(
                Locale.ROOT,
                "%nMedian of %d runs, with the smallest and largest in brackets:%n%n"
                        + "| measurement | system throughput | p50 | p99 | baseline throughput | p50 | p99 |"
                        + " throughput ratio | p50 ratio | p99 ratio |%n|---|---|---|---|---|---|---|---|---|---|%n",
                repeats));
        results.forEach((what, pairs) -> {
            out.append("| ").append(what);
            MEDIAN_COLUMNS.forEach(column -> out.append(" | ").append(spread(pairs, column.figure(), column.format())));
            out.append(" |\n");
        });
        out.append(
                "\nCPU time each process used during each phase (from /proc):\n\n| run | phase | CPU |\n|---|---|---|\n");
        cpuRows.forEach(row -> out.append(row).append('\n'));
        out.append("\nFootprint of each service (JVM options " + String.join(" ", jvmOptions()) + ", environment "
                + RunningSystem.PROCESS_ENVIRONMENT + "):\n\n");
        out.append(footprint.table());
        return out.toString();
    }

    /** The median of a figure over the runs, with its smallest and largest value. */
    private static String spread(
            List<Load.Result[]> pairs, java.util.function.ToDoubleFunction<Load.Result[]> figure, String format) {
        double[] values = pairs.stream().mapToDouble(figure).sorted().toArray();
        String median = String.format(Locale.ROOT, format, values[values.length / 2]);
        if (values.length == 1) {
            return median;
        }
        return median + " (" + String.format(Locale.ROOT, format, values[0]) + "–"
                + String.format(Locale.ROOT, format, values[values.length - 1]) + ")";
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.0f GiB RAM", kib / 1024.0 / 1024.0);
                }
            }
        } catch (Exception e) {
            // not Linux: leave it out
        }
        return "RAM unknown";
    }
}
