package fi.tilannekuva.kit.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of a reporting round's events on the topic {@value #TOPIC}, keyed by the round's id: the round opened, its
 * due date is near, it closed. status-service writes them when their instants come (each once), situation-service
 * freezes the round's picture on {@code round-closed}; the schema is status-service's
 * {@code events/reporting-round.schema.json}.
 *
 * @param round the round's id, e.g. "10-21"
 * @param name the round's name, e.g. "10/21"
 * @param windowFrom the progress window's first day the round is judged on
 * @param windowTo its last day
 * @param deadline the readiness deadline the round is judged on
 * @param opensAt reports from this instant are in the round
 * @param dueAt reports before this instant are on time
 * @param closesAt reports from this instant belong to the next round
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoundEvent(
        String round,
        String name,
        LocalDate windowFrom,
        LocalDate windowTo,
        LocalDate deadline,
        Instant opensAt,
        Instant dueAt,
        Instant closesAt) {

    /** The topic. */
    public static final String TOPIC = "reporting-rounds";

    /** The envelope {@code source}. */
    public static final String SOURCE = "/tilannekuva/status-service";

    /** The round opened. */
    public static final String OPENED = "fi.tilannekuva.round.opened.v1";

    /** The round's due date is near (status.rounds.due-soon-lead before it). */
    public static final String DUE_SOON = "fi.tilannekuva.round.due-soon.v1";

    /** The round closed: its picture is to be frozen. */
    public static final String CLOSED = "fi.tilannekuva.round.closed.v1";

    /** The three types, in the order they come. */
    public static final List<String> TYPES = List.of(OPENED, DUE_SOON, CLOSED);

    /** The event's id: the same for the same round and type, so that a consumer can tell a redelivery. */
    public static String eventId(String round, String type) {
        return UUID.nameUUIDFromBytes((round + "/" + type).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** This data in its CloudEvents envelope, as the record value. */
    public String toCloudEvent(ObjectMapper mapper, String type, Instant time) {
        return CloudEvents.write(mapper, eventId(round, type), SOURCE, type, round, time, this);
    }
}
