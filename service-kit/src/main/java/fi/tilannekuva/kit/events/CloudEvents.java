package fi.tilannekuva.kit.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The envelope of every event here: CloudEvents 1.0 in structured mode (the whole record value is one JSON document),
 * written and read with the CloudEvents Java SDK; {@code data} is the event's JSON object.
 */
public final class CloudEvents {

    /** The record header every event carries. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** The CloudEvents version of every event here. */
    public static final String SPEC_VERSION = "1.0";

    private static final JsonFormat FORMAT = new JsonFormat();

    /** How the SDK writes {@code time} (RFC 3339). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private CloudEvents() {}

    /**
     * An event read from a record.
     *
     * @param id the envelope id
     * @param type the envelope type
     * @param subject the envelope subject, or null
     * @param time the envelope time, or null
     * @param data the event's data object
     */
    public record Envelope(String id, String type, String subject, Instant time, JsonNode data) {}

    /**
     * Writes an event as structured-mode JSON: the attributes in the order the CloudEvents SDK writes them, then
     * {@code data} rendered straight into the same buffer (every report writes one event per changed item, so no
     * intermediate tree and no SDK event object; {@code CloudEventsTest} holds it to the SDK's own output).
     *
     * @param mapper the service's mapper, which renders {@code data} (dates as ISO-8601 text)
     * @param subject the subject, or null for none
     */
    public static String write(
            ObjectMapper mapper, String id, String source, String type, String subject, Instant time, Object data) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("specversion", SPEC_VERSION);
            json.writeStringField("id", id);
            json.writeStringField("source", source);
            json.writeStringField("type", type);
            json.writeStringField("datacontenttype", "application/json");
            if (subject != null) {
                json.writeStringField("subject", subject);
            }
            json.writeStringField("time", TIME.format(time.atOffset(ZoneOffset.UTC)));
            json.writeFieldName("data");
            mapper.writeValue(json, data);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("could not write a " + type + " event", e);
        }
        return out.toString();
    }

    /**
     * Parses the envelope and checks what a consumer relies on: CloudEvents 1.0, the expected type, an id and a JSON
     * object as data.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Envelope read(ObjectMapper mapper, String value, String expectedType) {
        if (value == null) {
            throw new IllegalArgumentException("record has no value");
        }
        CloudEvent event;
        try {
            event = FORMAT.deserialize(value.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a CloudEvents 1.0 JSON event: " + e.getMessage());
        }
        if (!SPEC_VERSION.equals(event.getSpecVersion().toString())) {
            throw new IllegalArgumentException("specversion is not 1.0");
        }
        if (!expectedType.equals(event.getType())) {
            throw new IllegalArgumentException("type is not " + expectedType + ": " + event.getType());
        }
        JsonNode data = data(mapper, event.getData());
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("data is not a JSON object");
        }
        return new Envelope(
                event.getId(),
                event.getType(),
                event.getSubject(),
                event.getTime() == null ? null : event.getTime().toInstant(),
                data);
    }

    private static JsonNode data(ObjectMapper mapper, CloudEventData data) {
        if (data == null) {
            return null;
        }
        if (data instanceof JsonCloudEventData json) {
            return json.getNode();
        }
        try {
            return mapper.readTree(data.toBytes());
        } catch (IOException e) {
            throw new IllegalArgumentException("data is not JSON: " + e.getMessage());
        }
    }
}
