package fi.tilannekuva.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.tilannekuva.deploy.KubernetesManifests.Manifest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The Deployments quarkus-kubernetes generates run the service the way the rest of deploy/kubernetes expects: probes on
 * the health endpoints of the management port 9000, ports 8080 and 9000, the environment from the service's ConfigMap, the login from its database Secret,
 * the shared JWT ConfigMap, CPU requests for the autoscaler. Skipped per service until its manifests are generated.
 */
class GeneratedManifestsTest {

    static final List<String> SERVICES = RepositoryFiles.SERVICES;

    @ParameterizedTest
    @FieldSource("SERVICES")
    void generatedDeploymentIsWiredToTheClusterResources(String service) {
        Optional<Manifest> generated = KubernetesManifests.all().stream()
                .filter(m -> KubernetesManifests.isGenerated(m.file()))
                .filter(m -> m.kind().equals("Deployment") && m.name().equals(service))
                .findFirst();
        assumeTrue(
                generated.isPresent(),
                "SKIPPED: no generated Deployment " + service + " in deploy/kubernetes/generated/ yet"
                        + " (deploy/README.md, \"To wire into the services\")");
        Deployment deployment = generated.get().as(Deployment.class);
        Container container =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        String database = databaseOf(service);
        List<String> problems = new ArrayList<>();

        check(problems, path(container.getReadinessProbe()), "/q/health/ready", "readiness probe path");
        check(problems, path(container.getLivenessProbe()), "/q/health/live", "liveness probe path");
        check(problems, port(container.getReadinessProbe()), 9000, "readiness probe port (management)");
        check(problems, port(container.getLivenessProbe()), 9000, "liveness probe port (management)");
        check(
                problems,
                container.getPorts().stream()
                        .map(p -> p.getContainerPort())
                        .sorted()
                        .toList(),
                List.of(8080, 9000),
                "container ports (API, management)");
        check(
                problems,
                container.getEnvFrom().stream()
                        .filter(e -> e.getConfigMapRef() != null)
                        .map(e -> e.getConfigMapRef().getName())
                        .toList(),
                List.of(service + "-env"),
                "envFrom ConfigMaps");
        check(problems, secretOf(container, "DB_USER"), database + "-db/username", "DB_USER");
        check(problems, secretOf(container, "DB_PASSWORD"), database + "-db/password", "DB_PASSWORD");
        check(problems, configMapOf(container, "JWT_ISSUER"), "tilannekuva-jwt/issuer", "JWT_ISSUER");
        check(
                problems,
                container.getVolumeMounts().stream()
                        .anyMatch(v -> v.getMountPath().equals("/deployments/jwt")),
                true,
                "JWT key mounted at /deployments/jwt");
        check(
                problems,
                container.getResources() != null
                        && container.getResources().getRequests() != null
                        && container.getResources().getRequests().containsKey("cpu"),
                true,
                "CPU request (the HPA's utilization needs it)");
        problems.addAll(StrictModel.unknownFields(deployment));

        assertEquals(List.of(), problems, generated.get().where());
    }

    private static void check(List<String> problems, Object actual, Object expected, String what) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + expected + ", found " + actual);
        }
    }

    private static String path(Probe probe) {
        return probe == null || probe.getHttpGet() == null
                ? null
                : probe.getHttpGet().getPath();
    }

    private static Integer port(Probe probe) {
        return probe == null || probe.getHttpGet() == null || probe.getHttpGet().getPort() == null
                ? null
                : probe.getHttpGet().getPort().getIntVal();
    }

    private static String secretOf(Container container, String variable) {
        return env(container, variable)
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName() + "/"
                        + e.getValueFrom().getSecretKeyRef().getKey())
                .orElse(null);
    }

    private static String configMapOf(Container container, String variable) {
        return env(container, variable)
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null)
                .map(e -> e.getValueFrom().getConfigMapKeyRef().getName() + "/"
                        + e.getValueFrom().getConfigMapKeyRef().getKey())
                .orElse(null);
    }

    private static Optional<EnvVar> env(Container container, String variable) {
        return container.getEnv().stream()
                .filter(e -> e.getName().equals(variable))
                .findFirst();
    }

    private static String databaseOf(String service) {
        String url = KubernetesManifests.ofKind("ConfigMap").stream()
                .filter(m -> m.name().equals(service + "-env"))
                .findFirst()
                .orElseThrow()
                .as(ConfigMap.class)
                .getData()
                .get("DB_URL");
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
