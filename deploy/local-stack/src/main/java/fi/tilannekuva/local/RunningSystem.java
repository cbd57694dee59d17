package fi.tilannekuva.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The three packaged services running as processes on one {@link LocalInfra}: what the local run starts on fixed
 * ports with demo data, and what the system tests and benchmarks start on free ports without it.
 */
public final class RunningSystem implements AutoCloseable {

    /** The services in start order (the roadmap first: the others consume its events). */
    public static final List<String> SERVICES = List.of("roadmap-service", "status-service", "situation-service");

    private final LocalInfra infra;
    private final Map<String, ServiceProcess> services;

    private RunningSystem(LocalInfra infra, Map<String, ServiceProcess> services) {
        this.infra = infra;
        this.services = services;
    }

    /**
     * The packaged application of a service in a source tree.
     *
     * @param root the project root
     * @param service a name from {@link #SERVICES}
     * @return {@code <root>/<service>/target/quarkus-app/quarkus-run.jar}
     */
    public static Path packagedJar(Path root, String service) {
        return root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The database of a service: {@code roadmap}, {@code status} or {@code situation}. */
    public static String database(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    /**
     * The services' JVM options, as in their container images (Dockerfile.jvm): the Serial collector (a service's heap is
     * small and it gets one or two cores), a heap that starts at 32 MB and grows on demand, 512 KB thread stacks, and
     * freed native memory handed back to the system every 5 s. deploy/benchmark.sh measures them: idle resident memory
     * about 215–255 MB per service, against 330–350 MB with {@code -Xmx512m -XX:+UseParallelGC}.
     */
    public static final List<String> LEAN_JVM =
            List.of("-Xmx512m", "-Xms32m", "-XX:+UseSerialGC", "-Xss512k", "-XX:TrimNativeHeapInterval=5000");

    /**
     * Process environment for every service besides its configuration, as in the images: glibc's malloc limited to two
     * arenas (by default up to eight per core, each thread's native allocations spread over them).
     */
    public static final Map<String, String> PROCESS_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /**
     * The environment variables a packaged service reads in its {@code %prod} profile, and {@link #PROCESS_ENVIRONMENT}.
     *
     * @param infra the PostgreSQL and Kafka to use
     * @param service a name from {@link #SERVICES}
     * @param port the HTTP port
     * @param publicKey the file holding the development public key
     * @param demo whether the service loads its demo data ({@code TILANNEKUVA_DEMO})
     */
    public static Map<String, String> environment(
            LocalInfra infra, String service, int port, Path publicKey, boolean demo) {
        String database = database(service);
        Map<String, String> env = new HashMap<>(PROCESS_ENVIRONMENT);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort(port)));
        env.put("DB_URL", infra.jdbcUrl(database));
        env.put("DB_USER", database);
        env.put("DB_PASSWORD", database);
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(infra.smtp().port()));
        env.put("JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
        env.put("JWT_ISSUER", DevKeys.ISSUER);
        env.put("TILANNEKUVA_DEMO", Boolean.toString(demo));
        // Partners' webhooks may go to plain-http receivers on this machine (https only in production).
        env.put("PARTNERS_ALLOW_HTTP", "true");
        env.put("QUARKUS_LOG_CONSOLE_JSON", "false");
        return env;
    }

    /**
     * The management port (health, metrics) of a service on an HTTP port: the port 1000 higher when nothing listens
     * there (the local run: 8081-8083 → 9081-9083), else any free port.
     */
    static int managementPort(int port) {
        int preferred = port + 1000;
        return preferred <= 65535 && !Ports.listening(preferred) ? preferred : Ports.free();
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() {
        return Ports.free();
    }

    /** Starts building a system on the given infrastructure. */
    public static Builder on(LocalInfra infra) {
        return new Builder(infra);
    }

    /** The infrastructure the services run on. */
    public LocalInfra infra() {
        return infra;
    }

    /** The address situation-service asks status-service at ({@code STATUS_SERVICE_URL}). */
    public static String statusUrl(ServiceProcess status) {
        return "http://127.0.0.1:" + status.port();
    }

    /** A service by name. */
    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + "; known: " + services.keySet());
        }
        return service;
    }

    /** The services in start order. */
    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    /** roadmap-service. */
    public ServiceProcess roadmap() {
        return service("roadmap-service");
    }

    /** status-service. */
    public ServiceProcess status() {
        return service("status-service");
    }

    /** situation-service. */
    public ServiceProcess situation() {
        return service("situation-service");
    }

    /** Stops the services in reverse start order (the infrastructure is its owner's to stop). */
    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
    }

    /** Options of a {@link RunningSystem}: where the jars are, ports, logs, demo data, JVM options. */
    public static final class Builder {
        private final LocalInfra infra;
        private Function<String, Path> jars = service -> packagedJar(Path.of("."), service);
        private Function<String, Integer> ports = service -> Ports.free();
        private Path logs = Path.of("target/service-logs");
        private Path publicKey;
        private boolean demo;
        private List<String> jvmOptions = LEAN_JVM;
        private Map<String, String> extraEnvironment = Map.of();
        private Consumer<ServiceProcess> onReady = service -> {};

        private Builder(LocalInfra infra) {
            this.infra = infra;
        }

        /** Where each service's {@code quarkus-run.jar} is (default: the packaged jars under the working directory). */
        public Builder jars(Function<String, Path> jars) {
            this.jars = jars;
            return this;
        }

        /** The packaged jars of a source tree ({@link #packagedJar}). */
        public Builder root(Path root) {
            return jars(service -> packagedJar(root, service));
        }

        /** The HTTP port of each service (default: a free port). */
        public Builder ports(Function<String, Integer> ports) {
            this.ports = ports;
            return this;
        }

        /** The directory for {@code <service>.log} and the public key file (default {@code target/service-logs}). */
        public Builder logs(Path logs) {
            this.logs = logs;
            return this;
        }

        /** Where the development public key is written (default: {@code dev-keys/publicKey.pem} beside the logs). */
        public Builder publicKey(Path publicKey) {
            this.publicKey = publicKey;
            return this;
        }

        /** Whether the services load their demo data (default false). */
        public Builder demo(boolean demo) {
            this.demo = demo;
            return this;
        }

        /** Options of each service JVM (default {@link #LEAN_JVM}). */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        /** Environment variables set for every service on top of {@link #environment} (e.g. tracing's). */
        public Builder environment(Map<String, String> extra) {
            this.extraEnvironment = Map.copyOf(extra);
            return this;
        }

        /** Called after each service became ready, for progress messages. */
        public Builder onReady(Consumer<ServiceProcess> onReady) {
            this.onReady = onReady;
            return this;
        }

        /**
         * Starts the three services one after the other, each waited for on {@code /q/health/ready} of its management port; on a failure
         * the ones already started are stopped.
         *
         * @throws IllegalStateException when a jar is missing or a service does not become ready
         */
        public RunningSystem start() throws IOException, InterruptedException {
            for (String service : SERVICES) {
                if (!Files.exists(jars.apply(service))) {
                    throw new IllegalStateException(
                            jars.apply(service) + " is missing: build first (mvn -DskipTests package)");
                }
            }
            Path key = publicKey != null ? publicKey : logs.resolve("dev-keys/publicKey.pem");
            DevKeys.writePublicKey(key);
            Map<String, ServiceProcess> services = new LinkedHashMap<>();
            RunningSystem system = new RunningSystem(infra, services);
            try {
                for (String name : SERVICES) {
                    int port = ports.apply(name);
                    Map<String, String> env = RunningSystem.environment(infra, name, port, key.toAbsolutePath(), demo);
                    if (name.equals("situation-service") && services.containsKey("status-service")) {
                        env.put("STATUS_SERVICE_URL", statusUrl(services.get("status-service")));
                    }
                    env.putAll(extraEnvironment);
                    ServiceProcess service = new ServiceProcess(
                            name,
                            jars.apply(name).toAbsolutePath(),
                            port,
                            env,
                            jvmOptions,
                            logs.resolve(name + ".log").toAbsolutePath());
                    services.put(name, service);
                    service.start(Duration.ofMinutes(2));
                    onReady.accept(service);
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                system.close();
                throw e;
            }
            return system;
        }
    }
}
