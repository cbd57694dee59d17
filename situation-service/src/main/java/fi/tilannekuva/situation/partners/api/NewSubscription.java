package fi.tilannekuva.situation.partners.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription the ministry creates for a partner.
 *
 * @param partner the partner's name, as in its tokens' {@code partner} claim
 * @param description what it is for
 * @param url the webhook endpoint (https; http only in the local stack), or null for a feed-only subscription
 * @param types the CloudEvents types it receives
 * @param units the units whose events it receives; empty or absent for all
 * @param groups the preparation groups whose events it receives; empty or absent for all
 * @param confidential the grant to receive comments and support requests; without it they are removed
 */
@Schema(description = "A partner's subscription to the events, as the ministry creates it")
public record NewSubscription(
        @Schema(required = true, examples = "thl", pattern = "^[a-z0-9][a-z0-9-]{1,39}$") String partner,
        @Schema(maxLength = 200) String description,
        @Schema(examples = "https://events.thl.example/tilannekuva", maxLength = 2000) String url,
        @Schema(required = true, examples = "[\"fi.tilannekuva.status.changed.v1\"]") List<String> types,
        @Schema(examples = "[\"lappi\"]") List<String> units,
        @Schema(examples = "[\"JO\"]") List<String> groups,
        Boolean confidential) {}
