package fi.tilannekuva.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import fi.tilannekuva.deploy.KubernetesManifests.Manifest;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every stateless service scales horizontally, and the autoscalers point at the Deployments that exist. */
class AutoscalingTest {

    private final List<Manifest> autoscalers = KubernetesManifests.ofKind("HorizontalPodAutoscaler");

    @Test
    void everyServiceHasOneAutoscalerOnItsDeploymentWithAtLeastTwoReplicas() {
        Set<String> targets = new TreeSet<>();
        for (Manifest manifest : autoscalers) {
            HorizontalPodAutoscaler hpa = manifest.as(HorizontalPodAutoscaler.class);
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind(), manifest.where());
            assertEquals("apps/v1", hpa.getSpec().getScaleTargetRef().getApiVersion(), manifest.where());
            assertTrue(hpa.getSpec().getMinReplicas() >= 2, manifest.where() + ": one replica is no availability");
            assertTrue(hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas(), manifest.where());
            targets.add(hpa.getSpec().getScaleTargetRef().getName());
        }
        assertEquals(new TreeSet<>(RepositoryFiles.SERVICES), targets);
    }

    @Test
    void everyServiceKeepsAReplicaThroughNodeDrains() {
        Set<String> protectedServices = new TreeSet<>();
        for (Manifest manifest : KubernetesManifests.ofKind("PodDisruptionBudget")) {
            PodDisruptionBudget budget = manifest.as(PodDisruptionBudget.class);
            protectedServices.add(
                    budget.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"));
        }
        assertEquals(new TreeSet<>(RepositoryFiles.SERVICES), protectedServices);
    }

    @Test
    void autoscalersTargetDeploymentsThatTheGeneratedManifestsDefine() {
        List<Manifest> generated = KubernetesManifests.all().stream()
                .filter(m -> KubernetesManifests.isGenerated(m.file()))
                .toList();
        assumeFalse(
                generated.isEmpty(),
                "SKIPPED: deploy/kubernetes/generated/ holds no manifests yet - quarkus-kubernetes is not wired into the"
                        + " services (deploy/README.md, \"To wire into the services\"); the HPA targets are checked"
                        + " against the service module names only until then.");
        Set<String> deployments = new TreeSet<>();
        generated.stream().filter(m -> m.kind().equals("Deployment")).forEach(m -> deployments.add(m.name()));
        Set<String> missing = new TreeSet<>();
        autoscalers.forEach(m -> {
            String target = m.as(HorizontalPodAutoscaler.class)
                    .getSpec()
                    .getScaleTargetRef()
                    .getName();
            if (!deployments.contains(target)) {
                missing.add(target);
            }
        });
        assertEquals(Set.of(), missing, "HPA targets without a generated Deployment; generated: " + deployments);
    }
}
