package fi.tilannekuva.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack: {@code run} starts PostgreSQL, Kafka and the three packaged services on fixed ports with demo
 * data and stops everything on Ctrl-C; {@code token} prints a development token.
 */
public final class LocalStack {

    /** Service name and HTTP port, in start order (the roadmap first: the others consume its events). */
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("roadmap-service", 8081);
        SERVICES.put("status-service", 8082);
        SERVICES.put("situation-service", 8083);
    }

    private final Path root;
    private final Path data;
    private final List<Process> services = new ArrayList<>();
    private LocalInfra infra;

    private LocalStack(Path root, Path data) {
        this.root = root;
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        switch (args[0]) {
            case "run" -> run(args);
            case "token" -> {
                if (args.length < 2) {
                    usage();
                    System.exit(2);
                }
                System.out.println(DevKeys.token(args[1], args.length > 2 ? args[2] : null, Duration.ofHours(12)));
            }
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.err.println("usage: run [--root DIR] [--clean] | token ROLE [UNIT]");
        System.err.println("  ROLE: roadmap-admin | region-reporter | reader; UNIT: a region code such as lappi");
    }

    private static void run(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        boolean clean = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--clean" -> clean = true;
                default -> {
                    usage();
                    System.exit(2);
                }
            }
        }
        Path data = Path.of(
                env("TILANNEKUVA_DATA", root.resolve("deploy/local-stack/data").toString()));
        if (clean) {
            System.out.println("Removing " + data + " (--clean)");
            Postgres.deleteTree(data);
        }
        LocalStack stack = new LocalStack(root, data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.stop();
                            stopped.countDown();
                        },
                        "local-stack-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void start() throws Exception {
        Instant begin = Instant.now();
        for (String service : SERVICES.keySet()) {
            Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (mvn -DskipTests package)");
            }
        }
        int pgPort = Integer.parseInt(env("TILANNEKUVA_POSTGRES_PORT", "15432"));
        int kafkaPort = Integer.parseInt(env("TILANNEKUVA_KAFKA_PORT", "19092"));
        System.out.printf("Starting PostgreSQL (port %d) and Kafka (port %d), data in %s%n", pgPort, kafkaPort, data);
        infra = new LocalInfra(data, pgPort, kafkaPort, kafkaPort + 1, true);
        infra.start();
        System.out.printf(
                "  infrastructure ready in %.1f s%n", infra.startupTime().toMillis() / 1000.0);
        Path publicKey = DevKeys.writePublicKey(data.resolve("dev-keys/publicKey.pem"));

        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            startService(service.getKey(), service.getValue(), publicKey);
        }
        System.out.printf(
                "%nTilannekuva is up in %.1f s. Ctrl-C stops everything.%n",
                Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        System.out.println("  dashboard        http://localhost:8083/");
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            System.out.printf(
                    "  %-17s http://localhost:%d/q/swagger-ui   health http://localhost:%d/q/health/ready%n",
                    service.getKey(), service.getValue(), service.getValue());
        }
        System.out.println("  logs             " + data.resolve("logs"));
        System.out.println("  a token          deploy/token.sh region-reporter lappi");
    }

    private void startService(String name, int port, Path publicKey) throws Exception {
        Instant begin = Instant.now();
        String database = name.substring(0, name.indexOf('-'));
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("DB_URL", infra.jdbcUrl(database));
        env.put("DB_USER", database);
        env.put("DB_PASSWORD", database);
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
        env.put("JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
        env.put("JWT_ISSUER", DevKeys.ISSUER);
        env.put("TILANNEKUVA_DEMO", env("TILANNEKUVA_DEMO", "true"));
        env.put("QUARKUS_LOG_CONSOLE_JSON", "false");
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        Path log = data.resolve("logs").resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = ChildProcesses.start(List.of(java, "-Xmx512m", "-jar", jar.toString()), log, env);
        services.add(process);
        ChildProcesses.await(name, process, log, Duration.ofMinutes(2), () -> ready(port));
        System.out.printf(
                "  %s ready on port %d in %.1f s%n",
                name, port, Duration.between(begin, Instant.now()).toMillis() / 1000.0);
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stop() {
        System.out.println("\nStopping the services, Kafka and PostgreSQL...");
        for (int i = services.size() - 1; i >= 0; i--) {
            ChildProcesses.stop(services.get(i), Duration.ofSeconds(20));
        }
        if (infra != null) {
            infra.close();
        }
        System.out.println("Stopped.");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
