package fi.tilannekuva.situation.partners.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of a subscription's delivery log, newest first.
 *
 * @param before the {@code before=} of the next (older) page, null on the last
 */
@Schema(description = "A page of a subscription's delivery log, newest first")
public record DeliveryLog(UUID subscription, List<AttemptView> attempts, Long before) {}
