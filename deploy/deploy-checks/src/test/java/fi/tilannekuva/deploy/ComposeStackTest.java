package fi.tilannekuva.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The compose stack hangs together: start order on health, images, databases, secrets and scraping. */
class ComposeStackTest {

    static final List<String> SERVICES = RepositoryFiles.SERVICES;

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(:?[-?][^}]*)?}");
    private static final Pattern CREATE_DATABASE =
            Pattern.compile("(?m)^create_service_database (\\S+) \"\\$\\{([A-Z_][A-Z0-9_]*):\\?}\"$");

    private final ComposeFile compose = new ComposeFile();

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceStartsOnlyOnHealthyDatabaseAndBrokerWithTheTopicsCreated(String service) {
        assertEquals(
                Map.of(
                        "postgres", "service_healthy",
                        "kafka", "service_healthy",
                        "kafka-topics", "service_completed_successfully"),
                compose.dependsOn(service));
    }

    @Test
    void everyHealthConditionWaitsOnAServiceThatHasAHealthCheck() {
        List<String> problems = new ArrayList<>();
        compose.services().keySet().forEach(name -> compose.dependsOn(name).forEach((dependency, condition) -> {
            if (condition.equals("service_healthy") && !hasHealthCheck(dependency)) {
                problems.add(name + " waits for " + dependency + " to be healthy, which has no health check");
            }
        }));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceIsBuiltFromItsDockerfileAndPublishesTheContainerPort(String service) {
        @SuppressWarnings("unchecked")
        Map<String, Object> build =
                (Map<String, Object>) compose.service(service).get("build");
        Path context =
                ComposeFile.FOLDER.resolve(build.get("context").toString()).normalize();
        assertEquals(RepositoryFiles.path(service), context, "build context of " + service);
        assertTrue(
                Files.isRegularFile(context.resolve(build.get("dockerfile").toString())), "dockerfile of " + service);
        List<?> ports = (List<?>) compose.service(service).get("ports");
        assertTrue(
                ports.stream().allMatch(p -> p.toString().endsWith(":" + DockerfileCheck.CONTAINER_PORT)),
                service + " ports must map to the container port " + DockerfileCheck.CONTAINER_PORT + ": " + ports);
    }

    @Test
    void everyVariableTheComposeFileInterpolatesIsInEnvExampleOrHasADefault() {
        Set<String> documented = new TreeSet<>();
        RepositoryFiles.read(ComposeFile.FOLDER.resolve(".env.example"))
                .lines()
                .filter(l -> l.matches("[A-Z_][A-Z0-9_]*=.*"))
                .forEach(l -> documented.add(l.substring(0, l.indexOf('='))));
        List<String> problems = new ArrayList<>();
        Matcher reference = INTERPOLATION.matcher(compose.text());
        while (reference.find()) {
            boolean hasDefault =
                    reference.group(2) != null && reference.group(2).contains("-");
            if (!hasDefault && !documented.contains(reference.group(1))) {
                problems.add("${" + reference.group(1) + "} is neither in .env.example nor has a default");
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void initScriptCreatesTheServiceDatabaseAndLoginTheServiceUses(String service) {
        Map<String, String> passwordVariableByDatabase = new TreeMap<>();
        Matcher create = CREATE_DATABASE.matcher(
                RepositoryFiles.read(ComposeFile.FOLDER.resolve("postgres/init/10-service-databases.sh")));
        while (create.find()) {
            passwordVariableByDatabase.put(create.group(1), create.group(2));
        }
        Map<String, String> environment = compose.environment(service);
        String database = environment.get("DB_URL").replaceAll(".*/", "");
        assertTrue(
                environment.get("DB_URL").startsWith("jdbc:postgresql://postgres:5432/"),
                "DB_URL of " + service + " must point at the compose PostgreSQL: " + environment.get("DB_URL"));
        assertTrue(passwordVariableByDatabase.containsKey(database), "the init script does not create " + database);
        assertEquals(database, environment.get("DB_USER"), "each database is owned by the login of the same name");
        String passwordVariable = passwordVariableByDatabase.get(database);
        assertTrue(
                environment.get("DB_PASSWORD").startsWith("${" + passwordVariable + ":"),
                service + " must log in with the password the init script set: " + passwordVariable);
        assertTrue(
                compose.environment("postgres").containsKey(passwordVariable),
                "postgres must receive " + passwordVariable + " for its init script");
    }

    @Test
    void prometheusScrapesEveryServiceAtItsMetricsEndpoint() {
        var config = RepositoryFiles.yamlDocuments(ComposeFile.FOLDER.resolve("prometheus/prometheus.yml"))
                .get(0);
        Set<String> targets = new TreeSet<>();
        config.path("scrape_configs").forEach(job -> {
            if (job.path("metrics_path").asText().equals("/q/metrics")) {
                job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
            }
        });
        Set<String> expected = new TreeSet<>();
        SERVICES.forEach(s -> expected.add(s + ":" + DockerfileCheck.MANAGEMENT_PORT));
        assertEquals(expected, targets);
    }

    private boolean hasHealthCheck(String name) {
        Map<String, Object> service = compose.service(name);
        if (service.containsKey("healthcheck")) {
            return true;
        }
        if (service.get("build") instanceof Map<?, ?> build) {
            Path dockerfile = ComposeFile.FOLDER
                    .resolve(build.get("context").toString())
                    .resolve(build.get("dockerfile").toString());
            return !Dockerfile.parse(RepositoryFiles.read(dockerfile))
                    .arguments("HEALTHCHECK")
                    .isEmpty();
        }
        return false;
    }
}
