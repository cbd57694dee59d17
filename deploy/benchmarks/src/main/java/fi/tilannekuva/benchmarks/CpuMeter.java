package fi.tilannekuva.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time each process of the benchmark used during a measurement, read from {@code /proc} (Linux): the three
 * services, PostgreSQL (every backend, and those already gone through the postmaster's children's time), Kafka and the
 * benchmark's own JVM, the load generator. On a 2-core machine the load generator competes with what it measures;
 * this shows by how much.
 */
final class CpuMeter {

    /** Linux's clock ticks per second ({@code getconf CLK_TCK}). */
    private static final double TICKS = 100.0;

    private final Map<Long, String> services;

    /** A reading: the CPU seconds of each kind of process so far, and when it was taken. */
    record Reading(Map<String, Double> seconds, long nanos) {}

    /** @param services the services' pids by name */
    CpuMeter(Map<Long, String> services) {
        this.services = services;
    }

    /** A meter of the system's three services (by their pids), PostgreSQL, Kafka and this JVM. */
    static CpuMeter of(fi.tilannekuva.system.SystemUnderTest system) {
        Map<Long, String> pids = new java.util.HashMap<>();
        system.services().services().forEach(service -> pids.put(service.pid(), service.name()));
        return new CpuMeter(pids);
    }

    /** The CPU seconds used so far by each kind of process. */
    Reading read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        services.values().forEach(name -> seconds.put(name, 0.0));
        seconds.put("postgres", 0.0);
        seconds.put("kafka", 0.0);
        seconds.put("load generator", 0.0);
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(
                            p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                long pid = Long.parseLong(proc.getFileName().toString());
                String kind = kind(pid, self, proc);
                if (kind != null) {
                    seconds.merge(kind, cpuSeconds(proc), Double::sum);
                }
            }
        } catch (IOException e) {
            return new Reading(Map.of(), System.nanoTime());
        }
        return new Reading(seconds, System.nanoTime());
    }

    /** One line: each kind's CPU seconds since {@code before} and its share of the machine's cores meanwhile. */
    static String since(Reading before, Reading after) {
        if (before.seconds().isEmpty() || after.seconds().isEmpty()) {
            return "CPU time unknown (no /proc)";
        }
        double wall = (after.nanos() - before.nanos()) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double total = 0;
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Double> entry : after.seconds().entrySet()) {
            double used = entry.getValue() - before.seconds().getOrDefault(entry.getKey(), 0.0);
            total += used;
            out.append(String.format(Locale.ROOT, "%s %.1f s, ", entry.getKey(), used));
        }
        return out.append(String.format(
                        Locale.ROOT,
                        "in all %.1f s of %.1f s on %d cores (%.0f %%)",
                        total,
                        wall * cores,
                        cores,
                        100 * total / (wall * cores)))
                .toString();
    }

    private String kind(long pid, long self, Path proc) {
        if (pid == self) {
            return "load generator";
        }
        if (services.containsKey(pid)) {
            return services.get(pid);
        }
        try {
            String comm = Files.readString(proc.resolve("comm")).trim();
            if (comm.equals("postgres")) {
                return "postgres";
            }
            if (comm.equals("java")) {
                String cmdline = Files.readString(proc.resolve("cmdline"));
                if (cmdline.contains("kafka.Kafka") || cmdline.contains("kafka-broker")) {
                    return "kafka";
                }
            }
        } catch (IOException e) {
            return null; // gone meanwhile
        }
        return null;
    }

    /** utime + stime + cutime + cstime (the last two: children already reaped, e.g. ended PostgreSQL backends). */
    private static double cpuSeconds(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            List<String> fields =
                    List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            long ticks = Stream.of(11, 12, 13, 14).collect(Collectors.summingLong(i -> Long.parseLong(fields.get(i))));
            return ticks / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
