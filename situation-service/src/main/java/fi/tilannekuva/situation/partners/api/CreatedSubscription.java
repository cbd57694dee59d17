package fi.tilannekuva.situation.partners.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new subscription and its signing secret, shown this once.
 *
 * @param secret {@code whsec_} and the base64 key (Standard Webhooks)
 */
@Schema(description = "A new subscription with its signing secret, shown only in this answer")
public record CreatedSubscription(SubscriptionView subscription, String secret) {}
