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
 * A real Apache Kafka broker in KRaft mode (a combined broker and controller node), started as a separate JVM from the
 * classpath that the kafka-broker module resolved from Maven Central: alone (the local run and most tests), or as one
 * node of a {@link KafkaCluster}.
 */
public final class KafkaBroker {

    private final Path dir;
    private final int nodeId;
    private final int port;
    private final int controllerPort;
    private final String voters;
    private final String clusterId;
    private final int replication;
    private final Path logFile;
    private Process process;

    /**
     * A single broker: node 1, its own controller quorum, every topic with one replica.
     *
     * @param dir where the broker keeps its configuration and logs
     * @param port the client port on loopback
     * @param controllerPort the KRaft controller port on loopback
     */
    public KafkaBroker(Path dir, int port, int controllerPort) {
        this(
                dir,
                1,
                port,
                controllerPort,
                "1@127.0.0.1:" + controllerPort,
                Uuid.randomUuid().toString(),
                1);
    }

    /**
     * One node of a cluster.
     *
     * @param nodeId the node id, unique in the cluster
     * @param voters the controller quorum, {@code id@host:port,...}, the same for every node
     * @param clusterId the cluster id every node's storage is formatted with
     * @param replication the replicas of each topic (internal ones included); {@code min.insync.replicas} is one less,
     *     at least 1
     */
    KafkaBroker(Path dir, int nodeId, int port, int controllerPort, String voters, String clusterId, int replication) {
        this.dir = dir.toAbsolutePath();
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
        this.voters = voters;
        this.clusterId = clusterId;
        this.replication = replication;
        this.logFile = this.dir.resolve("broker.log");
    }

    /** The node id. */
    public int nodeId() {
        return nodeId;
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
        launch();
        awaitReady();
    }

    /**
     * Starts the broker without waiting: the nodes of a new cluster are launched together, since none answers before
     * a majority of the controller quorum runs.
     */
    synchronized void launch() throws IOException, InterruptedException {
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
                    java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()),
                    logFile,
                    Duration.ofMinutes(2));
        }
        process = ChildProcesses.start(java("kafka.Kafka", config.toString()), logFile, Map.of());
        ChildProcesses.watchdog(process, logFile);
    }

    /** Waits until the launched broker answers a client. */
    void awaitReady() throws IOException, InterruptedException {
        ChildProcesses.await("Kafka node " + nodeId, process, logFile, Duration.ofMinutes(2), this::answers);
    }

    /** Kills the broker as a crash would (SIGKILL: no controlled shutdown, no leadership handed over). */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        process.onExit().join();
        process = null;
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
                        "node.id=" + nodeId,
                        "controller.quorum.voters=" + voters,
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                        "log.dirs=" + dir.resolve("data"),
                        "num.partitions=3",
                        "auto.create.topics.enable=true",
                        "default.replication.factor=" + replication,
                        "min.insync.replicas=" + minInSync(),
                        "offsets.topic.replication.factor=" + replication,
                        "offsets.topic.num.partitions=5",
                        "transaction.state.log.replication.factor=" + replication,
                        "transaction.state.log.min.isr=" + minInSync(),
                        "transaction.state.log.num.partitions=5",
                        "share.coordinator.state.topic.replication.factor=" + replication,
                        "share.coordinator.state.topic.min.isr=" + minInSync(),
                        "group.initial.rebalance.delay.ms=0",
                        "log.cleaner.backoff.ms=1000",
                        "")
                + "\n";
    }

    private int minInSync() {
        return Math.max(1, replication - 1);
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
