package fi.tilannekuva.situation.picture.api;

import fi.tilannekuva.situation.Band;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Readiness of one unit × group: tracked subtasks beginning before the deadline, done and in progress. */
@Schema(
        description =
                "Tracked = critical subtasks applicable to the unit whose schedule begins before the deadline; done = "
                        + "DONE; inProgress = IN_PROGRESS, ON_SCHEDULE or DELAYED. Counts, percentages and bands are null when the "
                        + "unit has not reported; percentages and bands also when tracked is 0.")
public record ReadinessCell(
        @Schema(example = "69") int tracked,
        @Schema(example = "7", nullable = true) Integer done,
        @Schema(example = "25", nullable = true) Integer inProgress,
        @Schema(example = "10", nullable = true) Integer donePercent,
        @Schema(example = "36", nullable = true) Integer inProgressPercent,
        @Schema(example = "UNDER_25", nullable = true) Band doneBand,
        @Schema(example = "FROM_25_TO_49", nullable = true) Band inProgressBand) {}
