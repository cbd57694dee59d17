package fi.tilannekuva.situation.picture.api;

import fi.tilannekuva.situation.Band;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Progress of one unit × group: tracked subtasks in the window and how many of them have started. */
@Schema(
        description =
                "Tracked = critical subtasks applicable to the unit whose schedule overlaps the window; started = those "
                        + "IN_PROGRESS, ON_SCHEDULE, DELAYED or DONE. started/percent/band are null when the unit has not reported "
                        + "or tracked is 0.")
public record ProgressCell(
        @Schema(example = "69") int tracked,
        @Schema(example = "39", nullable = true) Integer started,
        @Schema(example = "57", nullable = true) Integer percent,
        @Schema(example = "FROM_50_TO_75", nullable = true) Band band) {}
