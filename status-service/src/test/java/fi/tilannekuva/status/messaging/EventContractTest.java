package fi.tilannekuva.status.messaging;

import static fi.tilannekuva.status.Reports.item;
import static fi.tilannekuva.status.Reports.post;
import static fi.tilannekuva.status.Reports.round;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.StatusEvents;
import fi.tilannekuva.status.TestRoadmaps;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The event contracts: what this service consumes matches roadmap-service's schema (read from the sibling module),
 * and what it produces matches its own published schema.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(5)
class EventContractTest {

    private static final Path ROADMAP_SCHEMA =
            Path.of("../roadmap-service/src/main/resources/META-INF/resources/events/roadmap-published.schema.json");
    private static final Path STATUS_SCHEMA =
            Path.of("src/main/resources/META-INF/resources/events/status-changed.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theProducersExampleRoadmapEventIsValidAndIsReadIntoTheRoadmapTables() throws Exception {
        JsonNode schemaDocument = JSON.readTree(Files.readString(ROADMAP_SCHEMA));
        JsonSchema schema = schema(ROADMAP_SCHEMA);
        // The producer's own example, as a lower version than the tests' current one.
        ObjectNode sample = (ObjectNode) schemaDocument.get("examples").get(0).deepCopy();
        sample.put("id", UUID.randomUUID().toString());
        sample.put("subject", "40");
        ((ObjectNode) sample.get("data")).put("version", 40);
        assertEquals(Set.of(), schema.validate(sample));

        TestRoadmaps.publish("40", sample.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> subtaskRow(40, "JO-E-5.8") != null);
        assertEquals("JO|Osallisuusohjelman laatiminen|true|2021-07-01|2021-12-31|null", subtaskRow(40, "JO-E-5.8"));
        assertEquals(3, count("select count(*) from roadmap_region where version = 40"));
    }

    @Test
    void theTestRoadmapTheOtherTestsUseIsValidAgainstTheProducersSchema() throws Exception {
        Set<ValidationMessage> errors = schema(ROADMAP_SCHEMA)
                .validate(JSON.readTree(TestRoadmaps.event(TestRoadmaps.VERSION, "test-roadmap")));
        assertEquals(Set.of(), errors);
    }

    @Test
    void everyStatusChangedEventProducedMatchesThePublishedSchema() throws Exception {
        TestRoadmaps.ensurePublished();
        JsonSchema schema = schema(STATUS_SCHEMA);
        assertEquals(
                Set.of(),
                schema.validate(JSON.readTree(Files.readString(STATUS_SCHEMA))
                        .get("examples")
                        .get(0)));
        String region = "pohjois-savo";
        post(
                        region,
                        round(
                                region,
                                "2021-09-15T09:00:00Z",
                                List.of(
                                        item("JO-E-5.8", "IN_PROGRESS"),
                                        item("ICT-C-3.1", "DELAYED", "Komponenttipula", true))))
                .statusCode(201);
        post(region, round(region, "2021-10-15T09:00:00Z", List.of(item("JO-E-5.8", "DONE"))))
                .statusCode(201);
        List<ConsumerRecord<String, String>> records = StatusEvents.await(region, 3);
        assertEquals(3, records.size());
        for (ConsumerRecord<String, String> record : records) {
            Set<ValidationMessage> errors = schema.validate(StatusEvents.json(record));
            assertTrue(errors.isEmpty(), record.value() + " -> " + errors);
        }
    }

    @Test
    void theSchemaAndTheAsyncApiDocumentAreServedToPartners() {
        given().get("/events/status-changed.schema.json")
                .then()
                .statusCode(200)
                .body("$schema", equalTo("https://json-schema.org/draft/2020-12/schema"));
        given().get("/asyncapi.yaml")
                .then()
                .statusCode(200)
                .body(containsString("asyncapi: 3.0.0"))
                .body(containsString("address: status-changed"));
    }

    private static JsonSchema schema(Path path) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(path));
    }

    private String subtaskRow(int version, String id) throws Exception {
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement("select group_code, name_fi, critical, schedule_from,"
                        + " schedule_to, applies_to from roadmap_subtask where version = ? and subtask_id = ?")) {
            s.setInt(1, version);
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return String.join(
                        "|",
                        rs.getString(1),
                        rs.getString(2),
                        String.valueOf(rs.getBoolean(3)),
                        rs.getString(4),
                        rs.getString(5),
                        String.valueOf(rs.getString(6)));
            }
        }
    }

    private int count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
