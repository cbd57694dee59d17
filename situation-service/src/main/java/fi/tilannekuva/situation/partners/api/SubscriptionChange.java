package fi.tilannekuva.situation.partners.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change to a subscription: only the fields given change.
 *
 * @param url the new endpoint; an empty string makes the subscription feed-only
 * @param state ACTIVE (resumes a failing or disabled subscription from where it stopped) or DISABLED (pauses it)
 */
@Schema(description = "A change to a subscription; absent fields stay as they are")
public record SubscriptionChange(
        @Schema(maxLength = 200) String description,
        @Schema(maxLength = 2000) String url,
        List<String> types,
        List<String> units,
        List<String> groups,
        Boolean confidential,
        @Schema(enumeration = {"ACTIVE", "DISABLED"}) String state) {}
