package fi.tilannekuva.situation.partners.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of a subscription-state-changed event on {@code partner-subscriptions}, for the ministry: a partner's
 * webhook subscription stopped receiving deliveries.
 *
 * @param subscription the subscription's id (also the record key)
 * @param partner the partner
 * @param url the endpoint
 * @param state FAILING (every retry of one event failed; deliveries wait until the ministry re-enables it) or
 *     DISABLED (the endpoint answered 410 Gone)
 * @param reason what the last attempt got
 * @param position the journal position of the event that was not delivered
 * @param eventId that event's id
 * @param attempts how many times it was tried
 * @param changedAt when the state changed
 */
public record SubscriptionStateChanged(
        UUID subscription,
        String partner,
        String url,
        String state,
        String reason,
        long position,
        String eventId,
        int attempts,
        Instant changedAt) {

    /** The topic. */
    public static final String TOPIC = "partner-subscriptions";

    /** The envelope {@code type}. */
    public static final String TYPE = "fi.tilannekuva.partner.subscription-state-changed.v1";

    /** The envelope {@code source}. */
    public static final String SOURCE = "/tilannekuva/situation-service";
}
