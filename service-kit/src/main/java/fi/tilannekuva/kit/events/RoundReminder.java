package fi.tilannekuva.kit.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The data of a reminder event on {@value RoundEvent#TOPIC} (key = the round's id): a unit with no activity in a round
 * was reminded before the due date, or noticed late after it, or the ministry got the round's digest. Written with
 * the claim that makes each reminder go once, so partners and other channels can act on it; no address in it.
 *
 * @param round the round's id
 * @param region the unit's code, or {@code ministry} for the digest
 * @param kind {@code REMINDER_P3D} (the lead before dueAt), {@code LATE}, or {@code DIGEST}
 * @param dueAt the round's due date
 * @param recipients how many addresses the mail went to (0: the ministry keeps none for the unit)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoundReminder(String round, String region, String kind, Instant dueAt, int recipients) {

    /** The envelope {@code type}. */
    public static final String TYPE = "fi.tilannekuva.round.reminder.v1";

    /** The event's id: the same for the same round, unit and kind. */
    public String eventId() {
        return UUID.nameUUIDFromBytes((round + "/" + region + "/" + kind).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** This data in its CloudEvents envelope, with {@link #eventId()}. */
    public String toCloudEvent(ObjectMapper mapper, Instant time) {
        return CloudEvents.write(mapper, eventId(), RoundEvent.SOURCE, TYPE, round + "/" + region, time, this);
    }
}
