package fi.tilannekuva.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Kubernetes manifests under deploy/kubernetes, each document with its typed model where one exists. */
final class KubernetesManifests {

    /** The folder of the manifests. */
    static final Path FOLDER = RepositoryFiles.path("deploy/kubernetes");

    /** Where quarkus-kubernetes writes the services' manifests (empty until the services are wired). */
    static final Path GENERATED = FOLDER.resolve("generated");

    /** One document: where it is, its tree, and its typed model (empty for kinds without a Java model, e.g. CNPG). */
    record Manifest(Path file, int index, JsonNode tree, Optional<Object> model) {

        String apiVersion() {
            return tree.path("apiVersion").asText();
        }

        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        String where() {
            return RepositoryFiles.display(file) + " #" + (index + 1) + " (" + kind() + " " + name() + ")";
        }

        <T> T as(Class<T> type) {
            return type.cast(model.orElseThrow());
        }
    }

    /**
     * The kinds the manifests may use and their models. Strimzi's own model for its resources; fabric8's for the
     * built-in kinds. CloudNativePG publishes no Java model: its resources are checked field by field in the tests.
     */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    /** Kinds without a Java model, checked structurally. */
    static final List<String> UNTYPED = List.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database");

    private KubernetesManifests() {}

    /** Every manifest document under deploy/kubernetes, kustomization files excepted. */
    static List<Manifest> all() {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : RepositoryFiles.yamlFilesUnder(FOLDER)) {
            if (isKustomization(file)) {
                continue;
            }
            List<JsonNode> documents = RepositoryFiles.yamlDocuments(file);
            for (int i = 0; i < documents.size(); i++) {
                JsonNode tree = documents.get(i);
                manifests.add(new Manifest(file, i, tree, model(tree)));
            }
        }
        return manifests;
    }

    /** The manifests of one kind. */
    static List<Manifest> ofKind(String kind) {
        return all().stream().filter(m -> m.kind().equals(kind)).toList();
    }

    static boolean isKustomization(Path file) {
        return file.getFileName().toString().equals("kustomization.yaml");
    }

    static boolean isTemplate(Path file) {
        return file.getFileName().toString().endsWith(".example.yaml");
    }

    static boolean isGenerated(Path file) {
        return file.toAbsolutePath().normalize().startsWith(GENERATED);
    }

    private static Optional<Object> model(JsonNode tree) {
        Class<?> type = MODELS.get(
                tree.path("apiVersion").asText() + "/" + tree.path("kind").asText());
        if (type == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RepositoryFiles.YAML.treeToValue(tree, type));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Does not deserialize as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
