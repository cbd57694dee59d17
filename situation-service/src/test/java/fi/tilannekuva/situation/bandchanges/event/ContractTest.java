package fi.tilannekuva.situation.bandchanges.event;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer reads what the producers' schemas describe: each producer's own example event is validated against
 * its schema (read from the sibling module) and fed to this service through the broker. And what this service
 * publishes validates against its own situation-changed schema.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class ContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path ROADMAP_SCHEMA =
            Path.of("../roadmap-service/src/main/resources/META-INF/resources/events/roadmap-published.schema.json");
    private static final Path STATUS_SCHEMA =
            Path.of("../status-service/src/main/resources/META-INF/resources/events/status-changed.schema.json");
    private static final Path OWN_SCHEMA =
            Path.of("src/main/resources/META-INF/resources/events/situation-changed.schema.json");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void world() {
        TenTwentyOne.ensurePublished(bootstrapServers);
    }

    private static JsonSchema schema(Path file) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(MAPPER.readTree(Files.readString(file)));
    }

    private static JsonNode example(Path file) throws Exception {
        JsonNode examples = MAPPER.readTree(Files.readString(file)).get("examples");
        assertTrue(examples != null && examples.size() > 0, file + " carries an example event");
        return examples.get(0);
    }

    private static void assertValid(JsonSchema schema, JsonNode event) {
        Set<ValidationMessage> problems = schema.validate(event);
        assertTrue(problems.isEmpty(), problems.toString());
    }

    private String query(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private void produce(String topic, String key, JsonNode event) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion
                    .produceStrings()
                    .fromRecords(TenTwentyOne.record(topic, key, event.toString()))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    @Test
    void roadmapServicesExampleEventIsReadAsARoadmapVersion() throws Exception {
        JsonNode event = example(ROADMAP_SCHEMA);
        assertValid(schema(ROADMAP_SCHEMA), event);
        int version = event.at("/data/version").asInt();
        assertTrue(version < TenTwentyOne.ROADMAP_VERSION, "the example must not replace the test world's roadmap");
        produce("roadmap-published", String.valueOf(version), event);
        TenTwentyOne.awaitTrue(
                Duration.ofSeconds(30),
                () -> uncheck(() -> query("select label from roadmap_version where version = " + version)) != null);
        assertEquals(
                event.at("/data/label").asText(),
                query("select label from roadmap_version where version = " + version));
        String firstSubtask =
                event.at("/data/groups/0/entities/0/tasks/0/subtasks/0/id").asText();
        assertEquals(
                "1",
                query("select count(*) from roadmap_subtask where roadmap_version = " + version + " and subtask_id = '"
                        + firstSubtask + "'"));
        assertEquals("0", query("select count(*) from rejected_event where topic = 'roadmap-published'"));
    }

    @Test
    void statusServicesExampleEventIsReadAsAStatusChange() throws Exception {
        JsonNode event = example(STATUS_SCHEMA);
        JsonSchema schema = schema(STATUS_SCHEMA);
        assertValid(schema, event);
        // the same event for a sandbox subtask, so it touches nothing another test looks at; still valid
        String subtask = TenTwentyOne.sandboxSubtask();
        ((ObjectNode) event.get("data")).put("subtask", subtask);
        ((ObjectNode) event).put("subject", event.at("/data/region").asText() + "/" + subtask);
        assertValid(schema, event);
        String region = event.at("/data/region").asText();
        produce("status-changed", region, event);
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> event.at("/data/status")
                .asText()
                .equals(given().get("/api/v1/situation/subtasks/" + subtask)
                        .jsonPath()
                        .getString("units.find { it.region == '" + region + "' }.status")));
        assertEquals(
                event.at("/data/version").asText(),
                query("select version from current_status where subtask = '" + subtask + "' and region = '" + region
                        + "'"));
    }

    @Test
    void theBandChangeEventsThisServicePublishesMatchItsOwnSchema() throws Exception {
        JsonSchema schema = schema(OWN_SCHEMA);
        assertValid(schema, example(OWN_SCHEMA));
        List<JsonNode> events = TenTwentyOne.bandEvents(bootstrapServers);
        assertFalse(events.isEmpty());
        for (JsonNode event : events) {
            assertValid(schema, event);
        }
        given().get("/events/situation-changed.schema.json").then().statusCode(200);
        given().get("/asyncapi.yaml").then().statusCode(200);
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T uncheck(Step<T> step) {
        try {
            return step.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
