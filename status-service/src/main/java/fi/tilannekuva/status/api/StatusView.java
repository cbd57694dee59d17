package fi.tilannekuva.status.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The current status of a subtask in a unit.
 *
 * @param region the unit
 * @param subtask the subtask id
 * @param group its preparation group
 * @param status the current status
 * @param comment the unit's comment, or null
 * @param supportNeeded whether the unit asks for support
 * @param reportedAt when the unit says the status held
 * @param recordedAt when this record became current
 * @param version how many times the current record changed
 * @param roadmapVersion the roadmap version the item was validated against
 */
@Schema(name = "StatusView", description = "The current status of a subtask in a unit.")
public record StatusView(
        @Schema(example = "lappi") String region,
        @Schema(example = "JO-E-5.8") String subtask,
        @Schema(example = "JO") String group,
        @Schema(example = "IN_PROGRESS") String status,
        String comment,
        boolean supportNeeded,
        Instant reportedAt,
        Instant recordedAt,
        @Schema(example = "2") int version,
        @Schema(example = "3") int roadmapVersion) {}
