package fi.tilannekuva.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.tilannekuva.deploy.KubernetesManifests.Manifest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The CloudNativePG cluster has three instances and, for every service, the database its DB_URL names, owned by a
 * login whose Secret template exists. CloudNativePG has no Java model, so these checks read the fields they rely on.
 */
class PostgresClusterTest {

    private final Manifest cluster = single("Cluster");

    @Test
    void clusterHasThreeInstances() {
        assertEquals(3, cluster.tree().at("/spec/instances").asInt(), cluster.where());
        assertTrue(cluster.tree().at("/spec/storage/size").isTextual(), cluster.where() + " needs persistent storage");
        assertTrue(cluster.tree().at("/spec/imageName").asText().contains("postgresql:17"), "PostgreSQL 17");
    }

    @Test
    void everyServiceDatabaseExistsOwnedByItsLogin() {
        Map<String, String> ownerByDatabase = new TreeMap<>();
        JsonNode initdb = cluster.tree().at("/spec/bootstrap/initdb");
        ownerByDatabase.put(
                initdb.path("database").asText(), initdb.path("owner").asText());
        for (Manifest database : KubernetesManifests.ofKind("Database")) {
            assertEquals(
                    cluster.name(), database.tree().at("/spec/cluster/name").asText(), database.where());
            assertEquals("present", database.tree().at("/spec/ensure").asText(), database.where());
            ownerByDatabase.put(
                    database.tree().at("/spec/name").asText(),
                    database.tree().at("/spec/owner").asText());
        }
        Map<String, String> expected = new TreeMap<>();
        for (String service : RepositoryFiles.SERVICES) {
            String url = serviceConfigMap(service).getData().get("DB_URL");
            assertTrue(url.startsWith("jdbc:postgresql://" + cluster.name() + "-rw:5432/"), service + ": " + url);
            String database = url.substring(url.lastIndexOf('/') + 1);
            expected.put(database, database);
        }
        assertEquals(expected, ownerByDatabase);
    }

    @Test
    void everyLoginHasASecretTemplateWithItsUsername() {
        Map<String, String> secretByRole = new TreeMap<>();
        JsonNode initdb = cluster.tree().at("/spec/bootstrap/initdb");
        secretByRole.put(
                initdb.path("owner").asText(), initdb.at("/secret/name").asText());
        cluster.tree().at("/spec/managed/roles").forEach(role -> {
            assertTrue(role.path("login").asBoolean(), role + " must be able to log in");
            secretByRole.put(
                    role.path("name").asText(), role.at("/passwordSecret/name").asText());
        });
        Map<String, String> templates = new TreeMap<>();
        for (Manifest manifest : KubernetesManifests.ofKind("Secret")) {
            Secret secret = manifest.as(Secret.class);
            assertTrue(KubernetesManifests.isTemplate(manifest.file()), manifest.where() + " must stay a template");
            assertEquals("kubernetes.io/basic-auth", secret.getType(), manifest.where());
            templates.put(
                    secret.getStringData().get("username"), secret.getMetadata().getName());
        }
        assertEquals(secretByRole, templates);
    }

    @Test
    void sharedJwtConfigMapTemplateHasTheKeysTheServicesMap() {
        Set<String> keys = new TreeSet<>();
        KubernetesManifests.ofKind("ConfigMap").stream()
                .filter(m -> m.name().equals("tilannekuva-jwt"))
                .forEach(m -> keys.addAll(m.as(ConfigMap.class).getData().keySet()));
        assertEquals(Set.of("issuer", "publicKey.pem"), keys);
    }

    private static ConfigMap serviceConfigMap(String service) {
        return KubernetesManifests.ofKind("ConfigMap").stream()
                .filter(m -> m.name().equals(service + "-env"))
                .findFirst()
                .orElseThrow()
                .as(ConfigMap.class);
    }

    private static Manifest single(String kind) {
        List<Manifest> manifests = KubernetesManifests.ofKind(kind);
        assertEquals(1, manifests.size(), "exactly one " + kind);
        return manifests.get(0);
    }
}
