package fi.tilannekuva.status.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a stored report changed.
 *
 * @param region the unit
 * @param roadmapVersion the roadmap version the items were validated against
 * @param receivedAt when the report was stored
 * @param itemsStored items added to the history (all of them)
 * @param currentChanged items that became the current record of their subtask
 * @param statusChanged of those, how many changed the status value
 * @param stale items older than the current record: kept in the history, changing nothing
 * @param changes each new current record with its new version
 */
@Schema(name = "ReportReceipt", description = "What a stored report changed.")
public record ReportReceipt(
        String region,
        int roadmapVersion,
        Instant receivedAt,
        int itemsStored,
        int currentChanged,
        int statusChanged,
        int stale,
        List<Change> changes) {

    /**
     * A new current record.
     *
     * @param subtask the subtask id
     * @param version its new version (1 for the first record)
     * @param status the new status
     * @param previousStatus the status before, or null
     */
    @Schema(name = "ReportChange")
    public record Change(String subtask, int version, String status, String previousStatus) {}
}
