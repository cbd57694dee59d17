package fi.tilannekuva.benchmarks;

import fi.tilannekuva.local.RunningSystem;
import fi.tilannekuva.local.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each service's footprint beside a bare Quarkus application's ({@code deploy/bare-quarkus}: REST and health only, on
 * the same Quarkus and JVM options): how long each took to become ready when started alone, how long the services
 * took when the three started together, their resident memory idle (the JVM's {@code VmRSS} from {@code /proc}), and
 * at the end of the run their resident memory and the peak they reached under the load ({@code VmHWM}).
 */
final class Footprint {

    private static final String BARE = "bare Quarkus (REST and health only)";

    private final List<ServiceProcess> services;
    private final Map<String, Long> idleKib = new LinkedHashMap<>();
    private final Map<String, Duration> together = new LinkedHashMap<>();
    private final Map<String, Duration> alone = new LinkedHashMap<>();

    Footprint(List<ServiceProcess> services) {
        this.services = services;
        services.forEach(service -> together.put(service.name(), service.lastStartupTime()));
    }

    /**
     * Starts the bare application alone, reads its start time and idle memory, and stops it.
     *
     * @param root the project's root (the bare application is built into deploy/bare-quarkus/target)
     * @param environment the services' process environment, for the bare application too
     */
    static Footprint.Bare bare(Path root, List<String> jvmOptions, Map<String, String> environment) throws Exception {
        Path jar = root.resolve("deploy/bare-quarkus/target/quarkus-app/quarkus-run.jar");
        int port = RunningSystem.freePort();
        ServiceProcess bare = new ServiceProcess(
                BARE,
                jar,
                port,
                env(environment, port),
                jvmOptions,
                root.resolve("deploy/benchmarks/target/bare-quarkus.log"));
        try {
            bare.start();
            Thread.sleep(5_000); // as the services: idle after their start has settled
            return new Bare(bare.lastStartupTime(), kib(bare.pid(), "VmRSS:"));
        } finally {
            bare.stop();
        }
    }

    private static Map<String, String> env(Map<String, String> environment, int port) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(RunningSystem.freePort()));
        return env;
    }

    /** The bare application's start time and idle resident memory. */
    record Bare(Duration ready, long idleKib) {}

    /** The bare application's figures, printed first in the table; null when not measured. */
    private Bare baseline;

    void baseline(Bare measured) {
        this.baseline = measured;
    }

    /** Restarts each service on its own, one after the other, and keeps how long each took to become ready. */
    void restartEachAlone() throws Exception {
        for (ServiceProcess service : services) {
            service.stop();
            service.start(Duration.ofMinutes(2));
            alone.put(service.name(), service.lastStartupTime());
        }
    }

    /** Reads the idle figure: call once the services are up and before any load. */
    void idle() {
        services.forEach(service -> idleKib.put(service.name(), kib(service.pid(), "VmRSS:")));
    }

    /** The table, read at the end of the run. */
    String table() {
        StringBuilder out = new StringBuilder(
                "| application | ready after, started alone | ready after, the three started together | RSS idle |"
                        + " RSS at the end | peak RSS |\n|---|---|---|---|---|---|\n");
        if (baseline != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | — | %s | — | — |%n",
                    BARE,
                    seconds(baseline.ready()),
                    mib(baseline.idleKib())));
        }
        for (ServiceProcess service : services) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s |%n",
                    service.name(),
                    seconds(alone.get(service.name())),
                    seconds(together.get(service.name())),
                    mib(idleKib.getOrDefault(service.name(), -1L)),
                    mib(kib(service.pid(), "VmRSS:")),
                    mib(kib(service.pid(), "VmHWM:"))));
        }
        return out.toString();
    }

    private static String seconds(Duration duration) {
        return duration == null ? "n/a" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String mib(long kib) {
        return kib < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", kib / 1024.0);
    }

    /** A line of {@code /proc/<pid>/status} in KiB, or -1 when the process is gone. */
    static long kib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
