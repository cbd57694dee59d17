package fi.tilannekuva.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.deploy.KubernetesManifests.Manifest;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * The Kafka cluster tolerates the loss of a broker without losing an acknowledged event, and every topic the system
 * uses exists - in Kubernetes and in the compose stack alike - with the settings the contract needs.
 */
class KafkaTopicsTest {

    /** The topics of the event contract (CONTRACT.md and the team brief, "Event formats"). */
    static final Set<String> CONTRACT_TOPICS = Set.of(
            "roadmap-published", "status-changed", "situation-changed", "reporting-rounds", "partner-subscriptions");

    private static final Pattern COMPOSE_TOPIC =
            Pattern.compile("(?m)^create (\\S+) (\\d+)((?: --config \\S+=\\S+)*)$");

    private static final Path COMPOSE_SCRIPT = ComposeFile.FOLDER.resolve("kafka/create-topics.sh");

    private final List<Manifest> topics = KubernetesManifests.ofKind("KafkaTopic");

    @Test
    void everyTopicHasThreeReplicasAndMinInsyncReplicasTwo() {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : topics) {
            KafkaTopic topic = manifest.as(KafkaTopic.class);
            if (topic.getSpec().getReplicas() == null || topic.getSpec().getReplicas() != 3) {
                problems.add(manifest.where() + ": replicas " + topic.getSpec().getReplicas() + ", expected 3");
            }
            Object minInsync = config(topic).get("min.insync.replicas");
            if (minInsync == null || !minInsync.toString().equals("2")) {
                problems.add(manifest.where() + ": min.insync.replicas " + minInsync + ", expected 2");
            }
            if (topic.getSpec().getPartitions() == null || topic.getSpec().getPartitions() < 1) {
                problems.add(manifest.where() + ": no partition count");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyTopicSettingIsOneKafkaKnows() throws IllegalAccessException {
        Set<String> known = new TreeSet<>();
        for (Field field : TopicConfig.class.getFields()) {
            if (field.getName().endsWith("_CONFIG") && field.getType() == String.class) {
                known.add((String) field.get(null));
            }
        }
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : topics) {
            config(manifest.as(KafkaTopic.class)).keySet().stream()
                    .filter(key -> !known.contains(key))
                    .forEach(key -> problems.add(manifest.where() + ": " + key + " is no topic setting"));
        }
        Matcher option = Pattern.compile("--config (\\S+?)=").matcher(RepositoryFiles.read(COMPOSE_SCRIPT));
        while (option.find()) {
            if (!known.contains(option.group(1))) {
                problems.add("create-topics.sh: " + option.group(1) + " is no topic setting");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void roadmapPublishedIsCompactedSoThatEveryVersionStays() {
        assertEquals("compact", config(topic("roadmap-published")).get("cleanup.policy"));
    }

    @Test
    void statusAndSituationChangesAreNotCompactedBecauseTheirKeyIsTheUnit() {
        // Compaction by region would keep only a unit's latest change and lose every other subtask's.
        assertEquals("delete", config(topic("status-changed")).get("cleanup.policy"));
        assertEquals("delete", config(topic("situation-changed")).get("cleanup.policy"));
    }

    @Test
    void everyContractTopicAndEveryTopicAServiceUsesExists() {
        Set<String> needed = new TreeSet<>(CONTRACT_TOPICS);
        RepositoryFiles.SERVICES.forEach(
                s -> needed.addAll(ServiceConfiguration.of(s).kafkaTopics()));
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(topicNames());
        assertEquals(Set.of(), missing, "topics without a KafkaTopic (auto-creation is off)");
    }

    @Test
    void everyTopicBelongsToTheKafkaCluster() {
        Set<String> clusters = new TreeSet<>();
        KubernetesManifests.ofKind("Kafka").forEach(k -> clusters.add(k.name()));
        assertEquals(Set.of("tilannekuva"), clusters);
        List<String> problems = new ArrayList<>();
        List<Manifest> labelled = new ArrayList<>(topics);
        labelled.addAll(KubernetesManifests.ofKind("KafkaNodePool"));
        for (Manifest manifest : labelled) {
            String cluster = manifest.tree()
                    .path("metadata")
                    .path("labels")
                    .path("strimzi.io/cluster")
                    .asText();
            if (!clusters.contains(cluster)) {
                problems.add(manifest.where() + ": strimzi.io/cluster '" + cluster + "' names no Kafka");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void clusterRunsKraftWithThreeControllersAndThreeBrokers() {
        Map<String, Integer> replicasByRole = new TreeMap<>();
        for (Manifest manifest : KubernetesManifests.ofKind("KafkaNodePool")) {
            KafkaNodePool pool = manifest.as(KafkaNodePool.class);
            for (ProcessRoles role : pool.getSpec().getRoles()) {
                replicasByRole.merge(role.toValue(), pool.getSpec().getReplicas(), Integer::sum);
            }
        }
        assertEquals(Map.of("controller", 3, "broker", 3), replicasByRole);
        Kafka kafka = KubernetesManifests.ofKind("Kafka").get(0).as(Kafka.class);
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertEquals("2", config.get("min.insync.replicas").toString());
        assertEquals("3", config.get("default.replication.factor").toString());
        assertEquals("false", config.get("auto.create.topics.enable").toString());
    }

    @Test
    void composeCreatesTheSameTopicsWithTheSamePartitionsAndConfigs() {
        assertTrue(Files.isRegularFile(COMPOSE_SCRIPT));
        Map<String, String> compose = new TreeMap<>();
        Matcher create = COMPOSE_TOPIC.matcher(RepositoryFiles.read(COMPOSE_SCRIPT));
        while (create.find()) {
            Map<String, String> config = new TreeMap<>();
            for (String option : create.group(3).split(" --config ")) {
                if (!option.isBlank()) {
                    String[] pair = option.strip().split("=", 2);
                    config.put(pair[0], pair[1]);
                }
            }
            compose.put(create.group(1), create.group(2) + " partitions " + config);
        }
        Map<String, String> kubernetes = new TreeMap<>();
        for (Manifest manifest : topics) {
            KafkaTopic topic = manifest.as(KafkaTopic.class);
            Map<String, String> config = new TreeMap<>();
            // One broker in compose: min.insync.replicas cannot be 2 there.
            config(topic).forEach((k, v) -> {
                if (!k.equals("min.insync.replicas")) {
                    config.put(k, v.toString());
                }
            });
            kubernetes.put(topicName(manifest), topic.getSpec().getPartitions() + " partitions " + config);
        }
        assertEquals(kubernetes, compose);
    }

    private Set<String> topicNames() {
        Set<String> names = new TreeSet<>();
        topics.forEach(t -> names.add(topicName(t)));
        return names;
    }

    private KafkaTopic topic(String name) {
        return topics.stream()
                .filter(t -> topicName(t).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaTopic " + name))
                .as(KafkaTopic.class);
    }

    private static String topicName(Manifest manifest) {
        String topicName = manifest.as(KafkaTopic.class).getSpec().getTopicName();
        return topicName == null ? manifest.name() : topicName;
    }

    private static Map<String, Object> config(KafkaTopic topic) {
        return topic.getSpec().getConfig() == null ? Map.of() : topic.getSpec().getConfig();
    }
}
