package fi.tilannekuva.benchmarks;

import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.local.ServiceProcess;
import fi.tilannekuva.system.Http;
import fi.tilannekuva.system.Report;
import fi.tilannekuva.system.Roadmap;
import fi.tilannekuva.system.SystemUnderTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak ({@code deploy/soak.sh}): the whole system under a steady mixed load for a long time — regional systems
 * reporting, dashboards polling the picture with and without an ETag, browsers holding server-sent event streams —
 * printing each minute the errors, the latency percentiles per kind of request, the events the streams received and
 * each service's heap after a full collection. A leak shows as a heap that climbs minute after minute; a fault as a
 * non-zero error count. Not part of {@code mvn verify}: it runs for half an hour by default.
 */
public final class Soak {

    private static final int REPORTERS = 2;
    private static final int POLLERS = 2;
    private static final int STREAMS = 5;
    private static final Duration REPORT_PAUSE = Duration.ofMillis(50);
    private static final Duration POLL_PAUSE = Duration.ofMillis(100);
    private static final Pattern HEAP =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");

    private final SystemUnderTest system;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final AtomicLong streamEvents = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    private Soak(SystemUnderTest system) {
        this.system = system;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        int minutes = 30;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--root")) {
                root = Path.of(args[++i]);
            } else if (args[i].equals("--minutes")) {
                minutes = Integer.parseInt(args[++i]);
            }
        }
        root = root.toAbsolutePath().normalize();
        System.out.println("Starting PostgreSQL, Kafka and the three services...");
        SystemUnderTest system = SystemUnderTest.start(
                root, root.resolve("deploy/benchmarks/target/soak"), List.of("-Xmx512m", "-XX:+UseParallelGC"));
        int failedMinutes;
        try {
            failedMinutes = new Soak(system).run(minutes, root.resolve("deploy/benchmarks/target/soak-results.md"));
        } finally {
            system.services().close();
            system.infra().close();
        }
        System.exit(failedMinutes == 0 ? 0 : 1);
    }

    /** Runs the load for {@code minutes}, printing a row a minute; answers how many minutes had errors. */
    private int run(int minutes, Path out) throws Exception {
        Roadmap roadmap = Roadmap.generated("soak", 7, 20);
        system.publish(roadmap);
        system.awaitPictureMatchesRecount(Duration.ofMinutes(2));
        for (int t = 0; t < REPORTERS; t++) {
            int seed = t;
            start("reporter-" + t, () -> report(roadmap, new Random(seed)));
        }
        for (int t = 0; t < POLLERS; t++) {
            start("poller-" + t, this::poll);
        }
        for (int t = 0; t < STREAMS; t++) {
            start("stream-" + t, this::stream);
        }
        List<String> rows = new ArrayList<>();
        rows.add("| minute | errors | reports | report p50 / p99 ms | polls | poll p50 / p99 ms | stream events | "
                + "heap after GC MB (roadmap / status / situation) |");
        rows.add("|---|---|---|---|---|---|---|---|");
        System.out.println(rows.get(0));
        int failedMinutes = 0;
        Instant next = Instant.now();
        for (int minute = 1; minute <= minutes; minute++) {
            next = next.plus(1, ChronoUnit.MINUTES);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
            int minuteErrors = errors.getAndSet(0);
            failedMinutes += minuteErrors > 0 ? 1 : 0;
            long[] reports = drain("report");
            long[] polls = drain("poll");
            String row = String.format(
                    "| %d | %d | %d | %.1f / %.1f | %d | %.1f / %.1f | %d | %s |",
                    minute,
                    minuteErrors,
                    reports.length,
                    percentile(reports, 50),
                    percentile(reports, 99),
                    polls.length,
                    percentile(polls, 50),
                    percentile(polls, 99),
                    streamEvents.getAndSet(0),
                    heaps());
            rows.add(row);
            System.out.println(row);
            for (String sample = errorSamples.poll(); sample != null; sample = errorSamples.poll()) {
                System.out.println("  error: " + sample);
            }
        }
        running.set(false);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        Files.writeString(out, String.join("\n", rows) + "\n");
        System.out.println(
                "Written to " + out + (failedMinutes == 0 ? "; no errors" : "; minutes with errors: " + failedMinutes));
        return failedMinutes;
    }

    private void start(String name, Runnable work) {
        Thread thread = new Thread(work, "soak-" + name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    /** Small reports (one to three items) from random units, each a millisecond later than the one before. */
    private void report(Roadmap roadmap, Random random) {
        AtomicLong sequence = new AtomicLong();
        Instant base = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        while (running.get()) {
            String unit = Units.ALL.get(random.nextInt(Units.ALL.size()));
            List<Roadmap.Subtask> applicable = roadmap.applicableTo(unit);
            List<Report.Item> items = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                Roadmap.Subtask subtask = applicable.get(random.nextInt(applicable.size()));
                if (items.stream().noneMatch(item -> item.subtask().equals(subtask.id()))) {
                    items.add(Report.Item.of(subtask.id(), Status.codes().get(random.nextInt(5))));
                }
            }
            Instant reportedAt = base.plusMillis(sequence.incrementAndGet() * 10 + random.nextInt(10));
            timed("report", () -> system.report(new Report(unit, reportedAt, items)), 201);
            pause(REPORT_PAUSE);
        }
    }

    /** The progress table, as a dashboard polls it: with the last ETag (304 while nothing changed) or without. */
    private void poll() {
        Http situation = system.situation();
        String path = "/api/v1/situation/progress?from=" + SystemUnderTest.FROM + "&to=" + SystemUnderTest.TO;
        String etag = "\"none\"";
        boolean conditional = false;
        while (running.get()) {
            String tag = etag;
            boolean withTag = conditional;
            Http.Reply reply = timed(
                    "poll",
                    () -> withTag
                            ? situation.get(path).header("If-None-Match", tag).send()
                            : situation.get(path).send(),
                    200,
                    304);
            if (reply != null && reply.status() == 200) {
                etag = reply.header("ETag").orElse(etag);
            }
            conditional = !conditional;
            pause(POLL_PAUSE);
        }
    }

    /** A browser's server-sent event stream of picture changes, reconnecting when the server closes it. */
    private void stream() {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(system.situation().baseUrl() + "/api/v1/situation/changes");
        while (running.get()) {
            try {
                HttpResponse<InputStream> response = client.send(
                        HttpRequest.newBuilder(uri)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    error("stream answered " + response.statusCode());
                    pause(Duration.ofSeconds(1));
                    continue;
                }
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null && running.get(); line = lines.readLine()) {
                        if (line.startsWith("data:")) {
                            streamEvents.incrementAndGet();
                        }
                    }
                }
            } catch (IOException e) {
                if (running.get()) {
                    error("stream: " + e);
                    pause(Duration.ofSeconds(1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Http.Reply timed(String kind, java.util.function.Supplier<Http.Reply> call, int... expected) {
        long begin = System.nanoTime();
        try {
            Http.Reply reply = call.get();
            latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - begin);
            if (Arrays.stream(expected).noneMatch(status -> status == reply.status())) {
                error(kind + ": " + reply);
            }
            return reply;
        } catch (RuntimeException e) {
            error(kind + ": " + e);
            return null;
        }
    }

    private void error(String what) {
        errors.incrementAndGet();
        if (errorSamples.size() < 5) {
            errorSamples.add(what.length() > 300 ? what.substring(0, 300) + "…" : what);
        }
    }

    private long[] drain(String kind) {
        ConcurrentLinkedQueue<Long> queue = latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>());
        List<Long> taken = new ArrayList<>();
        for (Long value = queue.poll(); value != null; value = queue.poll()) {
            taken.add(value);
        }
        return taken.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Each service's heap right after a full collection (jcmd GC.run, then the heap gauges on /q/metrics). */
    private String heaps() {
        List<String> heaps = new ArrayList<>();
        for (ServiceProcess service : system.services().services()) {
            heaps.add(heapAfterGc(service));
        }
        return String.join(" / ", heaps);
    }

    private static String heapAfterGc(ServiceProcess service) {
        try {
            Process gc = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(service.pid()),
                            "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            gc.waitFor();
            String metrics =
                    new Http(service.managementUrl()).get("/q/metrics").send().body();
            Matcher heap = HEAP.matcher(metrics);
            double bytes = 0;
            while (heap.find()) {
                bytes += Double.parseDouble(heap.group(1));
            }
            return String.format("%.0f", bytes / (1024 * 1024));
        } catch (IOException | RuntimeException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
