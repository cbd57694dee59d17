package fi.tilannekuva.situation.partners.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A replay: exactly one of since and after.
 *
 * @param since deliver again every event it takes whose time is at or after this instant
 * @param after deliver again every event it takes after this journal position (a feed cursor or a log position)
 */
@Schema(description = "Deliver again everything since an instant, or after a position; give exactly one")
public record ReplayRequest(Instant since, Long after) {}
