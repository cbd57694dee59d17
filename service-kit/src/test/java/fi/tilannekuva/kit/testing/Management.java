package fi.tilannekuva.kit.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management interface of the service under a {@code @QuarkusTest}: health and metrics are served there, not on
 * the public port ({@code quarkus.management.*} in each service's application.properties).
 */
public final class Management {

    private Management() {}

    /**
     * The management interface's port in tests, for RestAssured's {@code given().port(...)}: the services ask for a
     * free one ({@code quarkus.management.test-port=0}) and Quarkus puts the port it got back into the configuration.
     */
    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
