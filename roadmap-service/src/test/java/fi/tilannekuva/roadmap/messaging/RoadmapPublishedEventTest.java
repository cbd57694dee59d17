package fi.tilannekuva.roadmap.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.Publishing;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every published version lands on the compacted topic, keyed by its number, as a CloudEvent the schema accepts. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "roadmap"))
class RoadmapPublishedEventTest {

    static final String TOPIC = "roadmap-published";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    KafkaCompanion companion;

    @BeforeEach
    void connect() {
        companion = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void close() {
        companion.close();
    }

    @Test
    void aPublishedVersionLandsWithItsKeyHeaderAndEnvelope() throws Exception {
        int version = publish("event test");
        ConsumerRecord<String, String> record = recordOf(version);

        assertEquals(Integer.toString(version), record.key());
        assertEquals(
                "application/cloudevents+json; charset=UTF-8",
                new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
        JsonNode event = Documents.JSON.readTree(record.value());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("/tilannekuva/roadmap-service", event.get("source").asText());
        assertEquals("fi.tilannekuva.roadmap.published.v1", event.get("type").asText());
        assertEquals(Integer.toString(version), event.get("subject").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        JsonNode data = event.get("data");
        assertEquals(version, data.get("version").asInt());
        assertEquals("event test", data.get("label").asText());
        assertEquals(23, data.get("regions").size());
        JsonNode subtask = data.at("/groups/0/entities/0/tasks/0/subtasks/0");
        assertEquals("JO-E-5.8", subtask.get("id").asText());
        assertTrue(subtask.get("critical").asBoolean());
        assertTrue(subtask.get("appliesTo").isNull());
        assertEquals(
                Documents.UUSIMAA.toString(),
                data.at("/groups/1/entities/1/tasks/0/subtasks/0/appliesTo")
                        .toString()
                        .replace("\"", "")
                        .replace(",", ", "));

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(
                        Files.readString(
                                Path.of("src/main/resources/META-INF/resources/events/roadmap-published.schema.json")),
                        SchemaValidatorsConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build());
        assertEquals(Set.of(), schema.validate(event), "the event matches the published schema");
    }

    @Test
    void aConsumerStartingLateFindsEveryVersionOnTheCompactedTopic() {
        int newest = publish("late consumer");
        recordOf(newest);
        List<Integer> versions =
                RestAssured.get("/api/v1/roadmaps").then().extract().path("version");
        Set<String> keys = companion
                .consumeStrings()
                .fromTopics(TOPIC, Duration.ofSeconds(3))
                .awaitCompletion(Duration.ofSeconds(30))
                .getRecords()
                .stream()
                .map(ConsumerRecord::key)
                .collect(Collectors.toSet());
        Set<String> expected = versions.stream().map(String::valueOf).collect(Collectors.toSet());
        assertTrue(keys.containsAll(expected), "every version " + expected + " on the topic, found " + keys);
        assertEquals("compact", describeConfig().get("cleanup.policy"));
    }

    @Test
    void theSchemaAndTheAsyncApiDocumentAreServed() {
        RestAssured.get("/events/roadmap-published.schema.json")
                .then()
                .statusCode(200)
                .body("$id", org.hamcrest.Matchers.endsWith("/events/roadmap-published.schema.json"));
        RestAssured.get("/asyncapi.yaml")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("address: roadmap-published"));
    }

    private Map<String, String> describeConfig() {
        try {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            return companion
                    .getOrCreateAdminClient()
                    .describeConfigs(List.of(resource))
                    .all()
                    .get()
                    .get(resource)
                    .entries()
                    .stream()
                    .collect(Collectors.toMap(e -> e.name(), e -> String.valueOf(e.value())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int publish(String label) {
        return Publishing.publish(Documents.small(label));
    }

    /** Reads the topic from the beginning until the record of this version arrives (the relay is asynchronous). */
    private ConsumerRecord<String, String> recordOf(int version) {
        String key = Integer.toString(version);
        return companion
                .consumeStrings()
                .fromTopics(TOPIC, records -> records.select()
                        .where(r -> key.equals(r.key()))
                        .select()
                        .first())
                .awaitCompletion(Duration.ofSeconds(30))
                .getFirstRecord();
    }
}
