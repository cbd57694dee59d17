package fi.tilannekuva.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a service's {@code @QuarkusTest}s at the real PostgreSQL and Kafka of this test JVM.
 *
 * <p>Use with {@code @QuarkusTestResource(value = LocalInfraTestResource.class, initArgs =
 * @ResourceArg(name = "database", value = "status"))}. The servers start once per JVM and stop when it exits,
 * so Quarkus restarts between test profiles cost nothing here.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "postgres";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        LocalInfra infra = LocalInfra.shared();
        infra.ensureDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(database));
        config.put("quarkus.datasource.username", database);
        config.put("quarkus.datasource.password", database);
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        // the real SMTP server of the test JVM (read by status-service's %test profile)
        config.put("tilannekuva.smtp.port", Integer.toString(infra.smtp().port()));
        config.put("mp.jwt.verify.publickey.location", DevKeys.PUBLIC_KEY_RESOURCE);
        config.put("mp.jwt.verify.issuer", DevKeys.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // The servers outlive one Quarkus application: they stop with the JVM (LocalInfra#shared).
    }
}
