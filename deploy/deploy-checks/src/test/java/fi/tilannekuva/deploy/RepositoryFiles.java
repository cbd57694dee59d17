package fi.tilannekuva.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository's files as the checks read them: paths from the root, YAML documents, the three services. */
final class RepositoryFiles {

    /** The service modules, each with its own image, database and Kubernetes Deployment of the same name. */
    static final List<String> SERVICES = List.of("roadmap-service", "status-service", "situation-service");

    /** Jackson for the Kubernetes manifests: multi-document YAML into trees and then into the typed models. */
    static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    // Tests run with the module as working directory (surefire's default): deploy/deploy-checks.
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private RepositoryFiles() {}

    /** A path relative to the repository root. */
    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a multi-document YAML file; empty documents (a trailing ---) are left out. */
    static List<JsonNode> yamlDocuments(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && !document.isMissingNode() && !document.isNull()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("Not valid YAML: " + ROOT.relativize(file), e);
        }
    }

    /** One YAML document with merge keys (<<: *anchor) resolved, as Docker Compose reads it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlWithMergeKeys(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return (Map<String, Object>) new Yaml(options).load(read(file));
    }

    /** The YAML files under a folder, sorted, for stable messages. */
    static List<Path> yamlFilesUnder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path for messages: relative to the repository root. */
    static String display(Path file) {
        return ROOT.relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** The node at a JSON pointer, or a missing node. */
    static JsonNode at(JsonNode node, String pointer) {
        JsonNode found = node.at(pointer);
        return found == null ? MissingNode.getInstance() : found;
    }
}
