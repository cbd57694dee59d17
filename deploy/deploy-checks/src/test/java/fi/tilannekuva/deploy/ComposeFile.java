package fi.tilannekuva.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** deploy/compose/docker-compose.yml as Docker Compose reads it (merge keys resolved). */
final class ComposeFile {

    static final Path FOLDER = RepositoryFiles.path("deploy/compose");
    static final Path FILE = FOLDER.resolve("docker-compose.yml");

    private final Map<String, Object> root = RepositoryFiles.yamlWithMergeKeys(FILE);

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) root.get("services");
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new AssertionError(RepositoryFiles.display(FILE) + " has no service " + name);
        }
        return service;
    }

    /** A service's environment, whether written as a map or as a list of KEY=value. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> variables = new TreeMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> variables.put(k.toString(), v == null ? "" : v.toString()));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = entry.toString().split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return variables;
    }

    /** A service's depends_on as service -> condition (the short list form means service_started). */
    @SuppressWarnings("unchecked")
    Map<String, String> dependsOn(String name) {
        Object dependsOn = service(name).get("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((k, v) -> conditions.put(
                    k.toString(),
                    String.valueOf(((Map<String, Object>) v).getOrDefault("condition", "service_started"))));
        } else if (dependsOn instanceof List<?> list) {
            list.forEach(s -> conditions.put(s.toString(), "service_started"));
        }
        return conditions;
    }

    /** The whole file's text, for the ${VAR} references Compose interpolates. */
    String text() {
        return RepositoryFiles.read(FILE);
    }
}
