package fi.tilannekuva.status.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit's tracked subtasks whose data is old: last reported or confirmed before the start of the Nth last round. */
public record StaleView(
        @Schema(example = "lappi") String region,
        @Schema(description = "How many rounds back counts as stale", example = "2") int rounds,
        @Schema(
                        nullable = true,
                        description = "Older than this: the opensAt of the Nth last round opened; null when"
                                + " fewer rounds have opened (nothing is stale yet)")
                Instant before,
        @Schema(description = "The oldest first; never reported first of all") List<StaleSubtask> subtasks) {

    /** One stale subtask. */
    public record StaleSubtask(
            @Schema(example = "JO-E-5.8") String subtask,
            @Schema(example = "JO") String group,
            @Schema(nullable = true, description = "null: never reported") Instant lastAt,
            @Schema(nullable = true, description = "Rounds opened since, null when never reported")
                    Integer roundsSince) {}
}
