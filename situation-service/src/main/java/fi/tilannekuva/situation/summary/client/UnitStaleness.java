package fi.tilannekuva.situation.summary.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * status-service's {@code GET /api/v1/regions/{region}/stale}: a unit's tracked subtasks whose last report or "unchanged"
 * confirmation is older than the start of the Nth last round opened, the oldest first.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitStaleness(
        @Schema(example = "lappi") String region,
        @Schema(description = "How many rounds back counts as stale", example = "2") int rounds,
        @Schema(nullable = true, description = "Older than this; null when fewer rounds have opened") Instant before,
        @Schema(description = "The oldest first; never reported first of all") List<StaleSubtask> subtasks) {

    /** One stale subtask. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StaleSubtask(
            @Schema(example = "JO-E-5.8") String subtask,
            @Schema(example = "JO") String group,
            @Schema(nullable = true, description = "null: never reported") Instant lastAt,
            @Schema(nullable = true, description = "Rounds opened since") Integer roundsSince) {}
}
