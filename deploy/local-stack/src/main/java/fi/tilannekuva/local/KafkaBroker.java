package fi.tilannekuva.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (one combined broker and controller node), started as a separate
 * JVM from the classpath that the kafka-broker module resolved from Maven Central.
 */
public final class KafkaBroker {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private Process process;

    /**
     * @param dir where the broker keeps its configuration and logs
     * @param port the client port on loopback
     * @param controllerPort the KRaft controller port on loopback
     */
    public KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = this.dir.resolve("broker.log");
    }

    /** The value for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The broker's log file. */
    public Path logFile() {
        return logFile;
    }

    /** The running broker process, or null. */
    Process process() {
        return process;
    }

    /** Formats the storage if it is new, starts the broker and waits until it answers a client. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Files.createDirectories(dir);
        Path config = dir.resolve("server.properties");
        Files.writeString(config, serverProperties(), StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("log4j2.properties"),
                "rootLogger.level=WARN\nrootLogger.appenderRef.out.ref=out\nappender.out.type=Console\n"
                        + "appender.out.name=out\nappender.out.layout.type=PatternLayout\n"
                        + "appender.out.layout.pattern=%d %p %c{1} %m%n\n",
                StandardCharsets.UTF_8);
        Path logs = dir.resolve("data");
        if (!Files.exists(logs.resolve("meta.properties"))) {
            ChildProcesses.run(
                    java(
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            Uuid.randomUuid().toString(),
                            "-c",
                            config.toString()),
                    logFile,
                    Duration.ofMinutes(2));
        }
        process = ChildProcesses.start(java("kafka.Kafka", config.toString()), logFile, Map.of());
        ChildProcesses.watchdog(process, logFile);
        ChildProcesses.await("Kafka", process, logFile, Duration.ofMinutes(2), this::answers);
    }

    /** Stops the broker (controlled shutdown), forcibly after a grace period. */
    public synchronized void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
        process = null;
    }

    private String serverProperties() {
        return String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                        "log.dirs=" + dir.resolve("data"),
                        "num.partitions=3",
                        "auto.create.topics.enable=true",
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=5",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "transaction.state.log.num.partitions=5",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "log.cleaner.backoff.ms=1000",
                        "")
                + "\n";
    }

    private List<String> java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(
                "-Xms128m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dkafka.logs.dir=" + dir.resolve("logs"),
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp",
                classpath(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static String classpath() throws IOException {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream("kafka-server.classpath")) {
            if (in == null) {
                throw new IllegalStateException(
                        "kafka-server.classpath is not on the classpath: build deploy/kafka-broker first (mvn install)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private boolean answers() {
        if (!Ports.listening(port)) {
            return false;
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(properties)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
