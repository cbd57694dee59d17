package fi.tilannekuva.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunningSystemTest {

    private final LocalInfra infra = LocalInfra.shared();

    @Test
    void aServiceGetsItsOwnDatabaseTheBrokerAndTheDevelopmentKey() {
        var env = RunningSystem.environment(infra, "status-service", 18082, Path.of("/keys/publicKey.pem"), false);
        assertEquals("18082", env.get("QUARKUS_HTTP_PORT"));
        // Health and metrics are on a port of their own, 1000 above the HTTP port when that is free.
        assertEquals("19082", env.get("QUARKUS_MANAGEMENT_PORT"));
        assertEquals(infra.jdbcUrl("status"), env.get("DB_URL"));
        assertEquals("status", env.get("DB_USER"));
        assertEquals("status", env.get("DB_PASSWORD"));
        assertEquals(infra.bootstrapServers(), env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("file:///keys/publicKey.pem", env.get("JWT_PUBLIC_KEY_LOCATION"));
        assertEquals(DevKeys.ISSUER, env.get("JWT_ISSUER"));
        assertEquals("false", env.get("TILANNEKUVA_DEMO"));
    }

    @Test
    void aMissingPackagedAppIsNamedBeforeAnythingStarts() {
        var failure = assertThrows(IllegalStateException.class, () -> RunningSystem.on(infra)
                .root(Path.of("target/no-such-tree"))
                .start());
        assertEquals(
                true,
                failure.getMessage().contains("roadmap-service/target/quarkus-app/quarkus-run.jar"),
                failure.getMessage());
    }

    @Test
    void nothingAnswersReadinessOnAFreePort() {
        assertFalse(ServiceProcess.ready(RunningSystem.freePort()));
    }
}
