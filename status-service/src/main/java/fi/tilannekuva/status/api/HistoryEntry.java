package fi.tilannekuva.status.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One received report item of a subtask.
 *
 * @param reportId the item's id (receiving order)
 * @param status the reported status
 * @param comment the comment, or null
 * @param supportNeeded whether support was asked for
 * @param reportedAt when the unit says the status held
 * @param receivedAt when this service received it
 * @param roadmapVersion the roadmap version it was validated against
 * @param current whether it is the current record
 */
@Schema(name = "HistoryEntry", description = "One received report item of a subtask.")
public record HistoryEntry(
        long reportId,
        @Schema(example = "IN_PROGRESS") String status,
        String comment,
        boolean supportNeeded,
        Instant reportedAt,
        Instant receivedAt,
        int roadmapVersion,
        boolean current) {}
