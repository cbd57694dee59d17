package fi.tilannekuva.situation.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** Reads and writes CloudEvents 1.0 structured-mode JSON, the envelope of every event here. */
public final class CloudEvents {

    /** The record header every event carries. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private CloudEvents() {}

    /** An event read from a record: its id, type and data. */
    public record Envelope(String id, String type, String subject, JsonNode data) {}

    /**
     * Parses the envelope and checks what this consumer relies on.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Envelope read(ObjectMapper mapper, String value, String expectedType) {
        if (value == null) {
            throw new IllegalArgumentException("record has no value");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!"1.0".equals(root.path("specversion").asText())) {
            throw new IllegalArgumentException("specversion is not 1.0");
        }
        if (!expectedType.equals(root.path("type").asText())) {
            throw new IllegalArgumentException("type is not " + expectedType + ": " + root.path("type"));
        }
        if (!root.path("id").isTextual() || !root.path("data").isObject()) {
            throw new IllegalArgumentException("id or data missing");
        }
        return new Envelope(
                root.get("id").asText(),
                root.get("type").asText(),
                root.path("subject").asText(null),
                root.get("data"));
    }

    /** Writes an event of this service as structured-mode JSON. */
    public static String write(
            ObjectMapper mapper, UUID id, String source, String type, String subject, Instant time, Object data) {
        ObjectNode root = mapper.createObjectNode();
        root.put("specversion", "1.0");
        root.put("id", id.toString());
        root.put("source", source);
        root.put("type", type);
        root.put("subject", subject);
        root.put("time", time.toString());
        root.put("datacontenttype", "application/json");
        root.set("data", mapper.valueToTree(data));
        try {
            return mapper.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write event", e);
        }
    }
}
