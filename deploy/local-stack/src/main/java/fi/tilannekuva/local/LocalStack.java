package fi.tilannekuva.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
    private LocalInfra infra;
    private RunningSystem system;

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
            Path jar = RunningSystem.packagedJar(root, service);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (mvn -DskipTests package)");
            }
        }
        int pgPort = Integer.parseInt(env("TILANNEKUVA_POSTGRES_PORT", "15432"));
        int kafkaPort = Integer.parseInt(env("TILANNEKUVA_KAFKA_PORT", "19092"));
        System.out.printf("Starting PostgreSQL (port %d) and Kafka (port %d), data in %s%n", pgPort, kafkaPort, data);
        infra = new LocalInfra(data, pgPort, kafkaPort, kafkaPort + 1, true);
        infra.smtpPort(Integer.parseInt(env("TILANNEKUVA_SMTP_PORT", "12525")));
        infra.start();
        System.out.printf(
                "  infrastructure ready in %.1f s%n", infra.startupTime().toMillis() / 1000.0);
        system = RunningSystem.on(infra)
                .root(root)
                .ports(SERVICES::get)
                .logs(data.resolve("logs"))
                .publicKey(data.resolve("dev-keys/publicKey.pem"))
                .demo(Boolean.parseBoolean(env("TILANNEKUVA_DEMO", "true")))
                .onReady(service -> System.out.printf(
                        "  %s ready on port %d (management %d) in %.1f s%n",
                        service.name(),
                        service.port(),
                        service.managementPort(),
                        service.lastStartupTime().toMillis() / 1000.0))
                .start();
        System.out.printf(
                "%nTilannekuva is up in %.1f s. Ctrl-C stops everything.%n",
                Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        System.out.println("  dashboard        http://localhost:8083/");
        for (String name : SERVICES.keySet()) {
            ServiceProcess service = system.service(name);
            System.out.printf(
                    "  %-17s http://localhost:%d/q/openapi   health http://localhost:%d/q/health/ready%n",
                    name, service.port(), service.managementPort());
        }
        System.out.println("  logs             " + data.resolve("logs"));
        System.out.printf(
                "  mail (SMTP)      127.0.0.1:%d, kept in memory; status-service logs each reminder it sends%n",
                infra.smtp().port());
        System.out.println("  a token          deploy/token.sh region-reporter lappi");
    }

    private void stop() {
        System.out.println("\nStopping the services, Kafka and PostgreSQL...");
        if (system != null) {
            system.close();
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
