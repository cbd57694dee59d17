package fi.tilannekuva.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code quarkus-run.jar}) run as a child JVM on a fixed port: started and waited for on
 * {@code /q/health/ready} of its management port, stopped politely, or killed with SIGKILL and started again on the same port (fault tests).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private final Path log;
    private Process process;
    private Duration lastStartupTime = Duration.ZERO;

    /**
     * @param name the service name, for messages
     * @param jar the packaged application ({@code target/quarkus-app/quarkus-run.jar})
     * @param port the HTTP port; also passed as {@code QUARKUS_HTTP_PORT} in {@code env}
     * @param env the environment variables the service reads (see {@link RunningSystem#environment}), including
     *     {@code QUARKUS_MANAGEMENT_PORT}, the port of health and metrics
     * @param jvmOptions options for the service's JVM, such as {@code -Xmx512m}
     * @param log the file stdout and stderr are appended to
     */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> env, List<String> jvmOptions, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = Integer.parseInt(env.get("QUARKUS_MANAGEMENT_PORT"));
        this.env = Map.copyOf(env);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = log;
    }

    /** The service name. */
    public String name() {
        return name;
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** The management port: health ({@code /q/health}) and metrics ({@code /q/metrics}). */
    public int managementPort() {
        return managementPort;
    }

    /** {@code http://127.0.0.1:<management port>}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The process id of the running service, or -1 when it is not running. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The log file. */
    public Path log() {
        return log;
    }

    /** How long the last {@link #start()} took until the service was ready. */
    public Duration lastStartupTime() {
        return lastStartupTime;
    }

    /** Whether the process is running. */
    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the service unless it runs, and waits until {@code /q/health/ready} answers 200.
     *
     * @param timeout how long to wait for readiness
     * @throws IllegalStateException when the process dies or is not ready in time (with the log's tail)
     */
    public synchronized void start(Duration timeout) throws IOException, InterruptedException {
        if (isAlive()) {
            return;
        }
        Instant begin = Instant.now();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ChildProcesses.appendLine(log, "---- starting " + name + " at " + begin + " ----");
        process = ChildProcesses.start(command, log, env);
        ChildProcesses.watchdog(process, log);
        ChildProcesses.await(name, process, log, timeout, () -> ready(managementPort));
        lastStartupTime = Duration.between(begin, Instant.now());
    }

    /** {@link #start(Duration)} with two minutes to become ready. */
    public void start() throws IOException, InterruptedException {
        start(Duration.ofMinutes(2));
    }

    /** Kills the service with SIGKILL ({@code kill -9}: no shutdown hooks, no graceful close) and waits for it. */
    public synchronized void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        ChildProcesses.appendLine(log, "---- kill -9 " + name + " at " + Instant.now() + " ----");
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL for 30 s");
        }
        process = null;
    }

    /** Stops the service politely (SIGTERM), forcibly after a grace period. */
    public synchronized void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
        process = null;
    }

    /** Stops the service. */
    @Override
    public void close() {
        stop();
    }

    /** Whether a service whose management interface is on this loopback port answers {@code /q/health/ready} 200. */
    public static boolean ready(int port) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
