package fi.tilannekuva.situation.partners.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A replay accepted.
 *
 * @param from deliveries start again after this position
 * @param until the replay joins the normal deliveries after this position
 * @param since null for a replay after a position; otherwise up to {@code until} only events at or after it go again
 * @param events how many events the replay delivers again
 */
@Schema(description = "A replay accepted: what will be delivered again")
public record ReplayView(long from, long until, Instant since, long events) {}
