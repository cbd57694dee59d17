package fi.tilannekuva.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The compose stack configures each service only through the environment its %prod profile reads: nothing set that
 * the service ignores (a typo or a stale name), nothing required left out (the service would not start).
 */
class ComposeEnvironmentTest {

    static final List<String> SERVICES = RepositoryFiles.SERVICES;

    private final ComposeFile compose = new ComposeFile();

    @ParameterizedTest
    @FieldSource("SERVICES")
    void composeSetsExactlyWhatTheServiceReads(String service) {
        List<String> problems = EnvironmentCheck.problems(
                RepositoryFiles.display(ComposeFile.FILE) + " services." + service,
                ServiceConfiguration.of(service),
                compose.environment(service).keySet(),
                Set.of());

        assertEquals(List.of(), problems);
    }
}
