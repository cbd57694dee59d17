package fi.tilannekuva.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.tilannekuva.deploy.KubernetesManifests.Manifest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Each service's ConfigMap in the cluster sets only variables the service reads; the rest comes from Secrets. */
class KubernetesEnvironmentTest {

    static final List<String> SERVICES = RepositoryFiles.SERVICES;

    /**
     * Mapped into the generated Deployments from elsewhere (deploy/README.md, "To wire into the services"): the login
     * from the CloudNativePG Secret <database>-db, the issuer from the tilannekuva-jwt ConfigMap.
     */
    static final Set<String> FROM_SECRETS_AND_SHARED_CONFIG = Set.of("DB_USER", "DB_PASSWORD", "JWT_ISSUER");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceConfigMapSetsExactlyWhatTheServiceReads(String service) {
        Manifest manifest = KubernetesManifests.ofKind("ConfigMap").stream()
                .filter(m -> m.name().equals(service + "-env"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + service + "-env"));

        List<String> problems = EnvironmentCheck.problems(
                manifest.where(),
                ServiceConfiguration.of(service),
                manifest.as(ConfigMap.class).getData().keySet(),
                FROM_SECRETS_AND_SHARED_CONFIG);

        assertEquals(List.of(), problems);
    }
}
