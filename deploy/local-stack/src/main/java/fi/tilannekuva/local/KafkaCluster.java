package fi.tilannekuva.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster of combined broker and controller nodes, each its own JVM, set up as production runs it (the
 * Strimzi material in deploy/kubernetes): with three nodes every topic has three replicas and
 * {@code min.insync.replicas=2}, so a write is acknowledged only once two nodes hold it.
 */
public final class KafkaCluster {

    private final List<KafkaBroker> nodes;

    private KafkaCluster(List<KafkaBroker> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** One node of its own (the local run and most tests). */
    public static KafkaCluster single(Path dir, int port, int controllerPort) {
        return new KafkaCluster(List.of(new KafkaBroker(dir, port, controllerPort)));
    }

    /** {@code size} nodes on free ports under {@code dir/node-<id>}, every topic replicated to all of them. */
    public static KafkaCluster ofNodes(Path dir, int size) {
        List<Integer> ports = new ArrayList<>();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(Ports.free());
            controllerPorts.add(Ports.free());
        }
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < size; i++) {
            voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:").append(controllerPorts.get(i));
        }
        String clusterId = Uuid.randomUuid().toString();
        List<KafkaBroker> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(new KafkaBroker(
                    dir.resolve("node-" + (i + 1)),
                    i + 1,
                    ports.get(i),
                    controllerPorts.get(i),
                    voters.toString(),
                    clusterId,
                    size));
        }
        return new KafkaCluster(nodes);
    }

    /** Launches every node together and waits until each answers (none does before a quorum runs). */
    public void start() throws IOException, InterruptedException {
        for (KafkaBroker node : nodes) {
            node.launch();
        }
        for (KafkaBroker node : nodes) {
            node.awaitReady();
        }
    }

    /** Stops every node. */
    public void stop() {
        nodes.forEach(KafkaBroker::stop);
    }

    /** The nodes, in node id order. */
    public List<KafkaBroker> nodes() {
        return nodes;
    }

    /** The node with this id. */
    public KafkaBroker node(int nodeId) {
        return nodes.get(nodeId - 1);
    }

    /** The value for {@code bootstrap.servers}: every node. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The node id leading each partition of a topic (partition → node id; -1 while a partition has no leader). */
    public Map<Integer, Integer> leaders(String topic) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(properties)) {
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(15, TimeUnit.SECONDS)
                    .get(topic);
            return description.partitions().stream()
                    .collect(Collectors.toMap(
                            TopicPartitionInfo::partition,
                            p -> p.leader() == null ? -1 : p.leader().id()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException("cannot describe " + topic, e));
        }
    }
}
