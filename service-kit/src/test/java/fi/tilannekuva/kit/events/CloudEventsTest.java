package fi.tilannekuva.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The envelope partners read: structured-mode CloudEvents 1.0 JSON, the same attributes as before the SDK. */
class CloudEventsTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    record Data(String region, Instant reportedAt, String comment) {}

    @Test
    void anEventIsWrittenAsStructuredJsonWithEveryAttributeAndItsDataInline() throws Exception {
        String json = CloudEvents.write(
                mapper,
                "0b8f8c9e-1c1e-4a57-9d53-2a3a0f1a9c11",
                "/tilannekuva/status-service",
                "fi.tilannekuva.status.changed.v1",
                "lappi/JO-E-5.8",
                Instant.parse("2021-10-15T09:00:00.123456Z"),
                new Data("lappi", Instant.parse("2021-10-15T09:00:00Z"), null));
        JsonNode root = mapper.readTree(json);
        assertEquals(
                Map.of(
                        "specversion", "1.0",
                        "id", "0b8f8c9e-1c1e-4a57-9d53-2a3a0f1a9c11",
                        "source", "/tilannekuva/status-service",
                        "type", "fi.tilannekuva.status.changed.v1",
                        "subject", "lappi/JO-E-5.8",
                        "time", "2021-10-15T09:00:00.123456Z",
                        "datacontenttype", "application/json"),
                Map.of(
                        "specversion", root.path("specversion").asText(),
                        "id", root.path("id").asText(),
                        "source", root.path("source").asText(),
                        "type", root.path("type").asText(),
                        "subject", root.path("subject").asText(),
                        "time", root.path("time").asText(),
                        "datacontenttype", root.path("datacontenttype").asText()));
        assertTrue(root.path("data").isObject(), json);
        assertEquals(
                "2021-10-15T09:00:00Z", root.path("data").path("reportedAt").asText());
        assertTrue(
                root.path("data").has("comment")
                        && root.path("data").get("comment").isNull(),
                json);
        assertEquals(8, root.size(), "no attribute beyond the eight: " + json);
    }

    @Test
    void theWrittenJsonIsExactlyWhatTheCloudEventsSdkWritesForTheSameEvent() {
        Instant time = Instant.parse("2021-10-15T09:00:00.123456Z");
        Data data = new Data("lappi", Instant.parse("2021-10-15T09:00:00Z"), "Ääkköset \"lainattu\" \n rivi");
        for (String subject : new String[] {"lappi/JO-E-5.8", null}) {
            String sdk = new String(
                    new JsonFormat()
                            .serialize(CloudEventBuilder.v1()
                                    .withId("e-1")
                                    .withSource(URI.create("/tilannekuva/status-service"))
                                    .withType("fi.tilannekuva.status.changed.v1")
                                    .withSubject(subject)
                                    .withTime(OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
                                    .withDataContentType("application/json")
                                    .withData(JsonCloudEventData.wrap(mapper.valueToTree(data)))
                                    .build()),
                    StandardCharsets.UTF_8);
            assertEquals(
                    sdk,
                    CloudEvents.write(
                            mapper,
                            "e-1",
                            "/tilannekuva/status-service",
                            "fi.tilannekuva.status.changed.v1",
                            subject,
                            time,
                            data));
        }
    }

    @Test
    void aWrittenEventReadsBackWithItsData() {
        String json = CloudEvents.write(
                mapper, "e1", "/s", "t.v1", "lappi", Instant.parse("2021-10-15T09:00:00Z"), Map.of("region", "lappi"));
        CloudEvents.Envelope read = CloudEvents.read(mapper, json, "t.v1");
        assertEquals("e1", read.id());
        assertEquals("lappi", read.subject());
        assertEquals("lappi", read.data().path("region").asText());
        assertEquals(Instant.parse("2021-10-15T09:00:00Z"), read.time());
    }

    @Test
    void anEnvelopeOfAnotherTypeOrVersionOrWithoutDataIsRefusedNamingWhy() {
        String json = CloudEvents.write(mapper, "e1", "/s", "t.v1", null, Instant.EPOCH, Map.of("a", 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CloudEvents.read(mapper, json, "t.v2"))
                .getMessage()
                .contains("type"));
        assertThrows(
                IllegalArgumentException.class,
                () -> CloudEvents.read(mapper, json.replace("\"1.0\"", "\"0.3\""), "t.v1"));
        assertThrows(
                IllegalArgumentException.class,
                () -> CloudEvents.read(
                        mapper, "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"t.v1\"}", "t.v1"));
        assertThrows(IllegalArgumentException.class, () -> CloudEvents.read(mapper, "not json", "t.v1"));
        assertThrows(IllegalArgumentException.class, () -> CloudEvents.read(mapper, null, "t.v1"));
    }
}
