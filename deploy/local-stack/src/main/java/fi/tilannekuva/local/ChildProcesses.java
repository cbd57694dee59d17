package fi.tilannekuva.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Starting, watching and stopping the server processes the local stack owns. */
final class ChildProcesses {

    private ChildProcesses() {}

    /** Whether this JVM runs as root, where PostgreSQL refuses to start. */
    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The unprivileged account PostgreSQL runs as when the JVM runs as root. */
    static String unprivilegedUser() {
        return System.getProperty("tilannekuva.postgres.user", "nobody");
    }

    /**
     * Starts a process with stdout and stderr appended to a log file.
     *
     * @param command the command and its arguments
     * @param log the log file
     * @param env extra environment variables
     * @return the started process
     */
    static Process start(List<String> command, Path log, Map<String, String> env) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs a command to completion, failing with its output when it exits non-zero. */
    static void run(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = start(command, log, Map.of());
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command) + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("failed with exit code " + process.exitValue() + ": "
                    + String.join(" ", command) + "\n" + tail(log));
        }
    }

    /** Prefixes a command with setpriv so that it runs unprivileged when this JVM runs as root. */
    static List<String> unprivileged(List<String> command) {
        if (!runningAsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(
                "setpriv", "--reuid=" + unprivilegedUser(), "--regid=" + unprivilegedGroup(), "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static String unprivilegedGroup() {
        return System.getProperty("tilannekuva.postgres.group", "nogroup");
    }

    /** Gives a directory tree to the unprivileged user (no-op unless root). */
    static void chownToUnprivileged(Path dir) throws IOException, InterruptedException {
        if (runningAsRoot()) {
            run(
                    List.of("chown", "-R", unprivilegedUser() + ":" + unprivilegedGroup(), dir.toString()),
                    dir.resolveSibling(dir.getFileName() + "-chown.log"),
                    Duration.ofMinutes(1));
        }
    }

    /** Waits until a condition holds, failing early when the process has died. */
    static void await(String what, Process process, Path log, Duration timeout, BooleanSupplier ready)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(
                        what + " exited with code " + process.exitValue() + " before it was ready\n" + tail(log));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(what + " was not ready within " + timeout + "\n" + tail(log));
    }

    /** Stops a process politely, then forcibly, together with its descendants. */
    static void stop(Process process, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * Starts a small shell watchdog that kills a server process when this JVM disappears without running its
     * shutdown hooks (kill -9, a crashed test JVM), so no server outlives its owner.
     */
    static void watchdog(Process process, Path log) throws IOException {
        String pids = " " + process.pid();
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + "kill -INT" + pids + " 2>/dev/null; sleep 5; kill -KILL" + pids + " 2>/dev/null; exit 0";
        ProcessBuilder builder = new ProcessBuilder("setsid", "sh", "-c", script)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.start();
    }

    /** Appends a marker line to a log (a service's starts and kills, so a reader can tell the runs apart). */
    static void appendLine(Path log, String line) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    line + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // Only a marker for the reader of the log: the service itself is unaffected.
        }
    }

    /** The last lines of a log, for error messages. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
