package fi.tilannekuva.situation.partners.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event to deliver once more.
 *
 * @param eventId the event's id (its {@code webhook-id})
 */
@Schema(description = "One event to deliver once more")
public record RedeliveryRequest(@Schema(required = true) String eventId) {}
