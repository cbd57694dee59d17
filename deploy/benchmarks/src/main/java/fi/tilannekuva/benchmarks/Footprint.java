package fi.tilannekuva.benchmarks;

import fi.tilannekuva.local.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each service's footprint: how long it took to become ready, its resident memory idle after the start (the JVM's
 * {@code VmRSS} from {@code /proc}), and at the end of the run its resident memory and the peak it reached under the
 * load ({@code VmHWM}).
 */
final class Footprint {

    private final List<ServiceProcess> services;
    private final Map<String, Long> idleKib = new LinkedHashMap<>();

    Footprint(List<ServiceProcess> services) {
        this.services = services;
    }

    /** Reads the idle figure: call once the services are up and before any load. */
    void idle() {
        services.forEach(service -> idleKib.put(service.name(), kib(service.pid(), "VmRSS:")));
    }

    /** The table, read at the end of the run. */
    String table() {
        StringBuilder out = new StringBuilder(
                "| service | ready after (the three started together) | RSS idle | RSS at the end | peak RSS |\n"
                        + "|---|---|---|---|---|\n");
        for (ServiceProcess service : services) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f s | %s | %s | %s |%n",
                    service.name(),
                    service.lastStartupTime().toMillis() / 1000.0,
                    mib(idleKib.getOrDefault(service.name(), -1L)),
                    mib(kib(service.pid(), "VmRSS:")),
                    mib(kib(service.pid(), "VmHWM:"))));
        }
        return out.toString();
    }

    private static String mib(long kib) {
        return kib < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", kib / 1024.0);
    }

    /** A line of {@code /proc/<pid>/status} in KiB, or -1 when the process is gone. */
    private static long kib(long pid, String field) {
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
