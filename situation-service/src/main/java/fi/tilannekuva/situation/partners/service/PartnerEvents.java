package fi.tilannekuva.situation.partners.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.tilannekuva.kit.events.RoadmapPublished;
import fi.tilannekuva.kit.events.RoundEvent;
import fi.tilannekuva.kit.events.RoundReminder;
import fi.tilannekuva.kit.events.StatusChanged;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.bandchanges.service.BandWatcher;
import fi.tilannekuva.situation.partners.repository.JournalRepository.NewEvent;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The events partners may subscribe to, what of them is journaled, and what a partner without the grant receives.
 */
public final class PartnerEvents {

    /** The topics whose events are journaled. */
    public static final List<String> TOPICS =
            List.of("roadmap-published", "status-changed", RoundEvent.TOPIC, BandWatcher.TOPIC);

    /** Every type a subscription may name, in this order in the documentation. */
    public static final List<String> TYPES = List.of(
            StatusChanged.TYPE,
            BandWatcher.TYPE,
            RoadmapPublished.TYPE,
            RoundEvent.OPENED,
            RoundEvent.DUE_SOON,
            RoundEvent.CLOSED,
            RoundReminder.TYPE);

    /** The extension attribute a redacted event carries: the data fields removed, space-separated. */
    public static final String REDACTED = "redacted";

    /** What is removed from a status-changed event for a partner without the grant. */
    static final List<String> CONFIDENTIAL = List.of("comment", "supportNeeded");

    private PartnerEvents() {}

    /**
     * The journal entry of a record's value, or null for one that is not a subscribable event (an unknown type, not
     * JSON, no id or time).
     */
    public static NewEvent entry(ObjectMapper mapper, String value) {
        if (value == null) {
            return null;
        }
        JsonNode event;
        try {
            event = mapper.readTree(value);
        } catch (IOException e) {
            return null;
        }
        if (event == null || !event.isObject()) {
            return null;
        }
        String type = event.path("type").asText("");
        String id = event.path("id").asText("");
        if (!TYPES.contains(type) || id.isEmpty() || id.length() > 200) {
            return null;
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(event.path("time").asText()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
        JsonNode data = event.path("data");
        String region = text(data, "region");
        String group = null;
        if (type.equals(StatusChanged.TYPE)) {
            String subtask = text(data, "subtask");
            int dash = subtask == null ? -1 : subtask.indexOf('-');
            group = dash < 0
                    ? null
                    : Group.parse(subtask.substring(0, dash)).map(Group::name).orElse(null);
        } else if (type.equals(BandWatcher.TYPE)) {
            group = text(data, "group");
        }
        return new NewEvent(id, type, region, group, time, value);
    }

    /**
     * The event as a subscription receives it: as published with the grant; without it, a status-changed event
     * loses its comment and support request, and says so in the extension attribute {@value #REDACTED}.
     */
    public static String forSubscription(ObjectMapper mapper, String type, String body, boolean confidential) {
        if (confidential || !StatusChanged.TYPE.equals(type)) {
            return body;
        }
        try {
            ObjectNode event = (ObjectNode) mapper.readTree(body);
            JsonNode data = event.path("data");
            if (data instanceof ObjectNode object) {
                object.remove(CONFIDENTIAL);
            }
            event.put(REDACTED, String.join(" ", CONFIDENTIAL));
            return mapper.writeValueAsString(event);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("journaled event is not a JSON object", e);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.path(field);
        return node.isTextual() ? node.asText() : null;
    }
}
