package fi.tilannekuva.situation.partners.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One delivery attempt.
 *
 * @param id the attempt's id (pages of the log go {@code before=} it)
 * @param position the event's journal position
 * @param eventId the event's id, the {@code webhook-id} of every attempt of it
 * @param attempt 1 for the first attempt of the event, then one more per retry
 * @param kind DELIVERY, RETRY, REDELIVERY (asked for) or REPLAY
 * @param status the answer's HTTP status, null when none came (see error)
 * @param latencyMs from the request to the end of the answer
 * @param nextRetryAt when it is tried again, null when it is not
 */
@Schema(description = "One delivery attempt")
public record AttemptView(
        long id,
        long position,
        String eventId,
        int attempt,
        @Schema(enumeration = {"DELIVERY", "RETRY", "REDELIVERY", "REPLAY"}) String kind,
        Instant attemptedAt,
        Integer status,
        int latencyMs,
        String error,
        Instant nextRetryAt) {}
