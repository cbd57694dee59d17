package fi.tilannekuva.system;

import com.fasterxml.jackson.databind.JsonNode;
import fi.tilannekuva.local.DevKeys;
import fi.tilannekuva.local.LocalInfra;
import fi.tilannekuva.local.RunningSystem;
import fi.tilannekuva.local.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The whole system under test: one real PostgreSQL and Kafka ({@link LocalInfra#shared()}) and the three packaged
 * services started as processes on free ports, once per JVM; plus what a careful user does with it (publish a
 * roadmap, report, read the picture) and the recount the picture is checked against.
 */
public final class SystemUnderTest {

    /** The progress window of the 10/21 round (Q3–Q4/2021 tasks: April–December 2021). */
    public static final LocalDate FROM = LocalDate.of(2021, 4, 1);

    /** End of the progress window. */
    public static final LocalDate TO = LocalDate.of(2021, 12, 31);

    /** The readiness deadline: organising responsibility moved on 1.1.2023. */
    public static final LocalDate DEADLINE = LocalDate.of(2023, 1, 1);

    private static SystemUnderTest shared;

    private final LocalInfra infra;
    private final RunningSystem services;
    private final Databases databases;
    private final TraceCollector traces;
    private final Path apps;
    private final Path logs;
    private final List<String> jvmOptions;
    private volatile int version;
    private volatile Roadmap roadmap;

    private SystemUnderTest(
            LocalInfra infra,
            RunningSystem services,
            TraceCollector traces,
            Path apps,
            Path logs,
            List<String> jvmOptions) {
        this.infra = infra;
        this.services = services;
        this.databases = new Databases(infra);
        this.traces = traces;
        this.apps = apps;
        this.logs = logs;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The system of this JVM, started on first use: the packaged apps of the source tree (system property
     * {@code tilannekuva.root}, default {@code ../..}) are copied to {@code target/apps} first, so a rebuild of a
     * service beside a running test cannot pull the jar from under it. Logs go to {@code target/service-logs}. Tracing
     * is on, the spans exported to a {@link TraceCollector} in this JVM.
     */
    public static synchronized SystemUnderTest shared() {
        if (shared == null) {
            Path root = Path.of(System.getProperty("tilannekuva.root", "../.."))
                    .toAbsolutePath()
                    .normalize();
            shared = start(
                    root,
                    Path.of("target"),
                    List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                    TraceCollector.start());
        }
        return shared;
    }

    /**
     * Starts the infrastructure of this JVM and the services on it.
     *
     * @param root the project root with the packaged services
     * @param target where copies of the apps and the logs go
     * @param jvmOptions the services' JVM options
     */
    public static SystemUnderTest start(Path root, Path target, List<String> jvmOptions) {
        return start(root, target, jvmOptions, null);
    }

    /**
     * Starts the infrastructure of this JVM and the services on it, exporting their spans to {@code traces}.
     *
     * @param root the project root with the packaged services
     * @param target where copies of the apps and the logs go
     * @param jvmOptions the services' JVM options
     * @param traces the receiver of the services' spans, or null to leave tracing off (the services' default)
     */
    public static SystemUnderTest start(Path root, Path target, List<String> jvmOptions, TraceCollector traces) {
        return start(LocalInfra.shared(), root, target, jvmOptions, traces, Map.of());
    }

    /**
     * Starts the services on the given, already started infrastructure (a Kafka cluster, say); {@link #stop()} stops
     * them. The apps are copied under {@code target} as for the shared system, so give each system its own target.
     *
     * @param environment variables set for every service on top of the usual ones
     */
    public static SystemUnderTest start(
            LocalInfra infra,
            Path root,
            Path target,
            List<String> jvmOptions,
            TraceCollector traces,
            Map<String, String> environment) {
        try {
            Path apps = target.resolve("apps").toAbsolutePath();
            for (String service : RunningSystem.SERVICES) {
                Path from = RunningSystem.packagedJar(root, service).getParent();
                if (!Files.exists(from.resolve("quarkus-run.jar"))) {
                    throw new IllegalStateException(from.resolve("quarkus-run.jar")
                            + " is missing: package the services first (mvn -DskipTests package)");
                }
                copyTree(from, apps.resolve(service));
            }
            Path logs = target.resolve("service-logs").toAbsolutePath();
            Map<String, String> extra = new HashMap<>(environment);
            if (traces != null) {
                extra.putAll(traces.serviceEnvironment());
            }
            RunningSystem services = RunningSystem.on(infra)
                    .jars(service -> apps.resolve(service).resolve("quarkus-run.jar"))
                    .logs(logs)
                    .jvmOptions(jvmOptions)
                    .demo(false)
                    .environment(extra)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(services::close, "system-under-test-stop"));
            return new SystemUnderTest(infra, services, traces, apps, logs, jvmOptions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts one more replica of a service on the same PostgreSQL and Kafka, configured as the first (the same
     * database, consumer groups and tracing); closing it stops it.
     */
    public ServiceProcess replica(String service) {
        int port = RunningSystem.freePort();
        Map<String, String> env =
                RunningSystem.environment(infra, service, port, logs.resolve("dev-keys/publicKey.pem"), false);
        if (traces != null) {
            env.putAll(traces.serviceEnvironment());
        }
        if (service.equals("situation-service")) {
            env.put("STATUS_SERVICE_URL", RunningSystem.statusUrl(services.service("status-service")));
        }
        ServiceProcess replica = new ServiceProcess(
                service + "-replica",
                apps.resolve(service).resolve("quarkus-run.jar"),
                port,
                env,
                jvmOptions,
                logs.resolve(service + "-replica.log"));
        start(replica);
        return replica;
    }

    /** The spans the services exported. */
    public TraceCollector traces() {
        if (traces == null) {
            throw new IllegalStateException("this system was started with tracing off");
        }
        return traces;
    }

    /** PostgreSQL and Kafka, to stop and start. */
    public LocalInfra infra() {
        return infra;
    }

    /** The three service processes, to kill and start. */
    public RunningSystem services() {
        return services;
    }

    /** Direct reads of the services' databases. */
    public Databases databases() {
        return databases;
    }

    /** roadmap-service's HTTP API. */
    public Http roadmap() {
        return new Http(services.roadmap().baseUrl());
    }

    /** status-service's HTTP API. */
    public Http status() {
        return new Http(services.status().baseUrl());
    }

    /** situation-service's HTTP API. */
    public Http situation() {
        return new Http(services.situation().baseUrl());
    }

    /**
     * The ministry subscribes a partner to one unit's status changes, delivered to {@code url}.
     *
     * @return the created subscription (its {@code id}, {@code deliveredPosition}: it receives what comes after)
     */
    public JsonNode subscribe(String partner, String url, String unit) {
        Http.Reply created = situation()
                .post("/api/v1/subscriptions")
                .bearer(admin())
                .json(Json.object()
                        .put("partner", partner)
                        .put("url", url)
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                                "types", Json.array().add("fi.tilannekuva.status.changed.v1"))
                        .set("units", Json.array().add(unit)))
                .send();
        if (created.status() != 201) {
            throw new IllegalStateException("subscribing " + partner + " failed: " + created);
        }
        return created.json().path("subscription");
    }

    /** A roadmap-admin token. */
    public static String admin() {
        return DevKeys.token("roadmap-admin", null);
    }

    /** A region-reporter token of a unit. */
    public static String reporter(String unit) {
        return DevKeys.token("region-reporter", unit);
    }

    /** A reader token. */
    public static String reader() {
        return DevKeys.token("reader", null);
    }

    /** The roadmap version last published through {@link #publish}. */
    public int currentVersion() {
        return version;
    }

    /** The roadmap last published through {@link #publish}. */
    public Roadmap currentRoadmap() {
        return roadmap;
    }

    /**
     * Publishes a roadmap as the roadmap-admin and waits until status-service and situation-service both know
     * the new version.
     *
     * @return the version number roadmap-service gave it
     */
    public int publish(Roadmap next) {
        Http.Reply reply = roadmap()
                .post("/api/v1/roadmaps")
                .bearer(admin())
                .json(next.document())
                .send();
        if (reply.status() != 201) {
            throw new AssertionError("publishing a roadmap: " + reply);
        }
        return adopt(next, versionOf(reply));
    }

    /**
     * Waits until status-service and situation-service both know a version published by a test, and makes it the
     * one the recount uses.
     *
     * @return the version
     */
    public int adopt(Roadmap next, int published) {
        await(
                "status-service and situation-service to know roadmap version " + published,
                Duration.ofSeconds(60),
                () -> databases.count("status", "select coalesce(max(version), 0) from roadmap_version") >= published
                        && progress().path("roadmapVersion").asInt() >= published);
        this.roadmap = next;
        this.version = published;
        return published;
    }

    /** The version number in roadmap-service's answer to a publication. */
    public static int versionOf(Http.Reply reply) {
        JsonNode body = reply.json();
        if (body.isInt()) {
            return body.asInt();
        }
        if (body.path("version").isInt()) {
            return body.path("version").asInt();
        }
        throw new AssertionError("no version number in " + reply);
    }

    /** The roadmap the tests report against: the last one published, or a default one published now. */
    public synchronized Roadmap ensureRoadmap() {
        if (roadmap == null) {
            publish(Roadmap.generated("system tests", 7, 12));
        }
        return roadmap;
    }

    /** Sends a report as the unit's own reporter. */
    public Http.Reply report(Report report) {
        return report(report, null);
    }

    /** Sends a report as the unit's own reporter with an {@code Idempotency-Key} (null: none). */
    public Http.Reply report(Report report, String idempotencyKey) {
        Http.Request request = status().post("/api/v1/reports")
                .bearer(reporter(report.region()))
                .json(report);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.send();
    }

    /** A fresh idempotency key. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** The live progress view for the 10/21 window. */
    public JsonNode progress() {
        return progress(situation());
    }

    /** The progress picture over the test window as one situation-service replica serves it. */
    public JsonNode progress(Http situation) {
        Http.Reply reply = situation
                .get("/api/v1/situation/progress?from=" + FROM + "&to=" + TO)
                .send();
        if (reply.status() != 200) {
            throw new AssertionError(reply.toString());
        }
        return reply.json();
    }

    /** The live readiness view for 1.1.2023. */
    public JsonNode readiness() {
        return readiness(situation());
    }

    /** The readiness picture against the test deadline as one situation-service replica serves it. */
    public JsonNode readiness(Http situation) {
        Http.Reply reply = situation
                .get("/api/v1/situation/readiness?deadline=" + DEADLINE)
                .send();
        if (reply.status() != 200) {
            throw new AssertionError(reply.toString());
        }
        return reply.json();
    }

    /**
     * Waits until the progress and readiness views equal a brute-force recount from status-service's own
     * {@code current_status} table and the roadmap last published: nothing lost, nothing counted twice.
     *
     * @throws AssertionError naming every differing cell when they do not agree in time
     */
    public void awaitPictureMatchesRecount(Duration timeout) {
        awaitPictureMatchesRecount(situation(), timeout);
    }

    /** Waits until one situation-service replica serves the picture recounted from status-service's tables. */
    public void awaitPictureMatchesRecount(Http situation, Duration timeout) {
        awaitPicture(situation, databases::currentStatuses, timeout);
    }

    /**
     * Waits until the progress and readiness views equal a recount from the roadmap last published and the given
     * current statuses (unit → subtask → status).
     *
     * @throws AssertionError naming every differing cell when they do not agree in time
     */
    public void awaitPicture(Supplier<Map<String, Map<String, String>>> statuses, Duration timeout) {
        awaitPicture(situation(), statuses, timeout);
    }

    /** {@link #awaitPicture(Supplier, Duration)} against one situation-service replica. */
    public void awaitPicture(Http situation, Supplier<Map<String, Map<String, String>>> statuses, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> differences;
        while (true) {
            Map<String, Map<String, String>> current = statuses.get();
            differences = Recount.differences(
                    Recount.progress(version, roadmap, current, FROM, TO),
                    Recount.picked(progress(situation), Recount.PROGRESS_FIELDS));
            if (differences.isEmpty()) {
                differences = Recount.differences(
                        Recount.readiness(version, roadmap, current, DEADLINE),
                        Recount.picked(readiness(situation), Recount.READINESS_FIELDS));
            }
            if (differences.isEmpty() || Instant.now().isAfter(deadline)) {
                break;
            }
            sleep(Duration.ofMillis(250));
        }
        if (!differences.isEmpty()) {
            throw new AssertionError("the situation picture differs from the recount (" + differences.size()
                    + " differences):\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(40, differences.size()))));
        }
    }

    /** Waits for a condition, failing with its description after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException | AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("timed out waiting for " + what + ": " + e.getMessage(), e);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /** Stops the services (not the infrastructure): for a system started on an infrastructure of its own. */
    public void stop() {
        services.close();
    }

    /** Restarts a service after a kill, waiting for readiness. */
    public void start(ServiceProcess service) {
        try {
            service.start(Duration.ofMinutes(2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sleeps, keeping the interrupt. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (var walk = Files.walk(to)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
