package fi.tilannekuva.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.tilannekuva.deploy.KubernetesManifests.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every manifest parses strictly, names itself, and is applied by the kustomization (templates excepted). */
class KubernetesManifestsTest {

    @Test
    void everyManifestHasApiVersionKindAndName() {
        List<Manifest> manifests = KubernetesManifests.all();
        assertFalse(manifests.isEmpty());
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : manifests) {
            if (manifest.apiVersion().isBlank()
                    || manifest.kind().isBlank()
                    || manifest.name().isBlank()) {
                problems.add(manifest.where() + " lacks apiVersion, kind or metadata.name");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyHandwrittenManifestUsesAKnownKindAndOnlyFieldsItsModelKnows() {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : KubernetesManifests.all()) {
            String type = manifest.apiVersion() + "/" + manifest.kind();
            if (manifest.model().isPresent()) {
                StrictModel.unknownFields(manifest.model().get())
                        .forEach(p -> problems.add(manifest.where() + " " + p));
            } else if (!KubernetesManifests.UNTYPED.contains(type)
                    && !KubernetesManifests.isGenerated(manifest.file())) {
                problems.add(manifest.where() + ": no model for " + type + " - a typo in apiVersion/kind?");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void kustomizationAppliesEveryManifestExceptTheTemplates() {
        Path kustomization = KubernetesManifests.FOLDER.resolve("kustomization.yaml");
        JsonNode root = RepositoryFiles.yamlDocuments(kustomization).get(0);
        assertEquals("Kustomization", root.path("kind").asText());
        assertEquals("tilannekuva", root.path("namespace").asText());
        Set<String> listed = new TreeSet<>();
        root.path("resources").forEach(r -> listed.add(r.asText()));
        List<String> problems = new ArrayList<>();
        for (String resource : listed) {
            Path path = KubernetesManifests.FOLDER.resolve(resource);
            if (!Files.isRegularFile(path) && !Files.isRegularFile(path.resolve("kustomization.yaml"))) {
                problems.add("kustomization.yaml lists " + resource + ", which is neither a file nor a kustomization");
            }
        }
        for (Path file : RepositoryFiles.yamlFilesUnder(KubernetesManifests.FOLDER)) {
            String relative = KubernetesManifests.FOLDER.relativize(file).toString();
            boolean handwritten = !KubernetesManifests.isKustomization(file) && !KubernetesManifests.isGenerated(file);
            if (KubernetesManifests.isTemplate(file) && listed.contains(relative)) {
                problems.add("kustomization.yaml applies the template " + relative + " (placeholder values)");
            } else if (handwritten && !KubernetesManifests.isTemplate(file) && !listed.contains(relative)) {
                problems.add("kustomization.yaml does not apply " + relative);
            }
        }
        assertTrue(listed.contains("generated"), "the generated service manifests must be part of the kustomization");
        assertEquals(List.of(), problems);
    }

    @Test
    void generatedKustomizationListsEveryGeneratedManifest() {
        JsonNode root = RepositoryFiles.yamlDocuments(KubernetesManifests.GENERATED.resolve("kustomization.yaml"))
                .get(0);
        Set<String> listed = new TreeSet<>();
        root.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> present = new TreeSet<>();
        RepositoryFiles.yamlFilesUnder(KubernetesManifests.GENERATED).stream()
                .filter(f -> !KubernetesManifests.isKustomization(f))
                .filter(f -> f.getFileName().toString().equals("kubernetes.yml"))
                .forEach(f ->
                        present.add(KubernetesManifests.GENERATED.relativize(f).toString()));
        assertEquals(
                present, listed, "generated/kustomization.yaml must list exactly the generated kubernetes.yml files");
    }
}
