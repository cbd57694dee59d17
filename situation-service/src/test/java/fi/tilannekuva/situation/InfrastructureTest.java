package fi.tilannekuva.situation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.testing.Management;
import fi.tilannekuva.local.LocalInfraTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The service runs on the real PostgreSQL and Kafka of the test JVM, never on fakes. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class InfrastructureTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theDatabaseIsARealPostgres17() throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet result = connection.createStatement().executeQuery("select version(), current_database()")) {
            assertTrue(result.next());
            assertTrue(result.getString(1).startsWith("PostgreSQL 17"), result.getString(1));
            assertEquals("situation", result.getString(2));
        }
    }

    @Test
    void aRecordMakesTheRoundTripThroughTheBrokerTheServiceUses() {
        KafkaCompanion companion = new KafkaCompanion(bootstrapServers);
        String topic = "foundation-" + UUID.randomUUID();
        companion
                .produceStrings()
                .fromRecords(new ProducerRecord<>(topic, "lappi", "ping"))
                .awaitCompletion();
        var consumed = companion.consumeStrings().fromTopics(topic, 1).awaitCompletion(Duration.ofSeconds(30));
        assertEquals("lappi", consumed.getFirstRecord().key());
        assertEquals("ping", consumed.getFirstRecord().value());
        companion.close();
    }

    @Test
    void readinessReportsTheDatabaseAndTheBrokerUp() {
        given().port(Management.port())
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }

    @Test
    void theOpenApiDocumentIsServed() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Tilannekuva situation service"));
    }
}
