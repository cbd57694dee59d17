package fi.tilannekuva.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * A simulation of how status-changed spreads over situation-service's consumers: the 23 units of the contract, keyed by
 * region code, placed by Kafka's default partitioner. Every partition must get units, or the replicas the autoscaler
 * may add beyond the used partitions would consume nothing.
 */
class StatusPartitioningTest {

    private static final String SCHEMA =
            "status-service/src/main/resources/META-INF/resources/events/status-changed.schema.json";

    @Test
    void everyStatusChangedPartitionCarriesUnitsSoEveryConsumerHasWork() {
        List<String> units = unitsOfTheContract();
        int partitions = partitionsOf("status-changed");

        Map<Integer, List<String>> unitsByPartition = spread(units, partitions);

        System.out.printf(
                "status-changed: %d units over %d partitions: %s%n", units.size(), partitions, sizes(unitsByPartition));
        assertEquals(23, units.size(), "the contract's reporting units");
        assertEquals(partitions, unitsByPartition.size(), "partitions without any unit: " + unitsByPartition);
    }

    @Test
    void situationServiceNeverScalesBeyondThePartitionsItConsumes() {
        HorizontalPodAutoscaler hpa = KubernetesManifests.ofKind("HorizontalPodAutoscaler").stream()
                .filter(m -> m.name().equals("situation-service"))
                .findFirst()
                .orElseThrow()
                .as(HorizontalPodAutoscaler.class);
        assertTrue(
                hpa.getSpec().getMaxReplicas() <= partitionsOf("status-changed"),
                "situation-service replicas beyond the status-changed partitions would consume nothing");
    }

    /** The partition of each key as Kafka's producer picks it for keyed records (murmur2 of the key bytes). */
    static Map<Integer, List<String>> spread(List<String> keys, int partitions) {
        Map<Integer, List<String>> byPartition = new TreeMap<>();
        for (String key : keys) {
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
            byPartition.computeIfAbsent(partition, p -> new ArrayList<>()).add(key);
        }
        return byPartition;
    }

    private static List<Integer> sizes(Map<Integer, List<String>> byPartition) {
        return byPartition.values().stream().map(List::size).toList();
    }

    // The producer's schema lists the units (the record key's domain); read it rather than copy it.
    private static List<String> unitsOfTheContract() {
        JsonNode schema =
                RepositoryFiles.yamlDocuments(RepositoryFiles.path(SCHEMA)).get(0);
        JsonNode region = schema.findValues("region").stream()
                .filter(n -> n.has("enum"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(SCHEMA + " has no region enum"));
        List<String> units = new ArrayList<>();
        region.get("enum").forEach(u -> units.add(u.asText()));
        return units;
    }

    private static int partitionsOf(String topic) {
        return KubernetesManifests.ofKind("KafkaTopic").stream()
                .filter(m -> m.name().equals(topic))
                .findFirst()
                .orElseThrow()
                .as(KafkaTopic.class)
                .getSpec()
                .getPartitions();
    }
}
