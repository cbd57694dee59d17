package fi.tilannekuva.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every service image runs as the unprivileged user, exposes the service port and reports readiness. */
class DockerfileTest {

    static final List<String> SERVICES = RepositoryFiles.SERVICES;

    @ParameterizedTest
    @FieldSource("SERVICES")
    void imageRunsNonRootExposesThePortAndChecksReadiness(String service) {
        Path file = RepositoryFiles.path(service + "/src/main/docker/Dockerfile.jvm");
        assertTrue(Files.isRegularFile(file), "missing " + RepositoryFiles.display(file));

        List<String> problems = DockerfileCheck.problems(
                RepositoryFiles.display(file),
                Dockerfile.parse(RepositoryFiles.read(file)),
                ServiceConfiguration.of(service));

        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void buildContextHoldsOnlyThePackagedApplication(String service) {
        // Without it the context would carry target/local-infra (the tests' PostgreSQL and Kafka data).
        Path ignore = RepositoryFiles.path(service + "/.dockerignore");
        assertTrue(Files.isRegularFile(ignore), "missing " + RepositoryFiles.display(ignore));
        List<String> lines = RepositoryFiles.read(ignore)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertEquals(List.of("*", "!target/quarkus-app/*"), lines);
    }
}
