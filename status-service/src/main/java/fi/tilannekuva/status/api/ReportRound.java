package fi.tilannekuva.status.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One report of a unit: a single item or a whole reporting round.
 *
 * @param region the unit code; must be the unit in the token's {@code region} claim
 * @param reportedAt when the statuses held (RFC 3339 instant); an item may give its own
 * @param items the subtasks' statuses, each subtask at most once
 */
@Schema(
        name = "ReportRound",
        description = "A unit's report: one item or a whole reporting round.",
        example =
                """
                {"region": "lappi", "reportedAt": "2021-10-15T09:00:00Z",
                 "items": [{"subtask": "JO-E-5.8", "status": "IN_PROGRESS", "comment": "Luonnos valmis", "supportNeeded": false}]}""")
public record ReportRound(
        @Schema(example = "lappi") String region,
        @Schema(example = "2021-10-15T09:00:00Z", description = "RFC 3339 instant, not in the future")
                String reportedAt,
        List<ReportItem> items) {

    /**
     * The status of one subtask.
     *
     * @param subtask the subtask id, e.g. "JO-E-5.8"
     * @param status one of NOT_STARTED, IN_PROGRESS, ON_SCHEDULE, DELAYED, DONE
     * @param comment free text, bounded in length
     * @param supportNeeded whether the unit asks for support (false when absent)
     * @param reportedAt overrides the round's {@code reportedAt} for this item
     */
    @Schema(name = "ReportItem")
    public record ReportItem(
            @Schema(example = "JO-E-5.8", required = true) String subtask,
            @Schema(
                            example = "IN_PROGRESS",
                            required = true,
                            enumeration = {"NOT_STARTED", "IN_PROGRESS", "ON_SCHEDULE", "DELAYED", "DONE"})
                    String status,
            @Schema(example = "Luonnos valmis") String comment,
            @Schema(example = "false") Boolean supportNeeded,
            @Schema(example = "2021-10-15T09:00:00Z") String reportedAt) {}
}
