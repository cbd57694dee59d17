package fi.tilannekuva.situation.partners.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription as the ministry and its partner see it (never its secret).
 *
 * @param state ACTIVE, FAILING (every retry of one event failed; waiting for the ministry) or DISABLED
 * @param deliveredPosition every event it takes up to this journal position has been delivered
 * @param backlog how many events it takes are still to be delivered
 * @param failures failed attempts of the event now at its head
 * @param nextAttemptAt when that event is tried again, null when nothing waits
 * @param replayUntil while a replay runs, the position where it joins the normal deliveries again
 * @param previousSecretUntil after a rotation, until when the previous secret signs too
 */
@Schema(description = "A partner's subscription")
public record SubscriptionView(
        UUID id,
        String partner,
        String description,
        String url,
        List<String> types,
        List<String> units,
        List<String> groups,
        boolean confidential,
        @Schema(enumeration = {"ACTIVE", "FAILING", "DISABLED"}) String state,
        String stateReason,
        Instant stateChangedAt,
        long deliveredPosition,
        long backlog,
        int failures,
        Instant nextAttemptAt,
        Long replayUntil,
        Instant previousSecretUntil,
        Instant createdAt,
        Instant updatedAt) {}
