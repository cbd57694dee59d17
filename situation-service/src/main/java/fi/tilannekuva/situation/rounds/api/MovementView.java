package fi.tilannekuva.situation.rounds.api;

import fi.tilannekuva.kit.reform.Group;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every cell's movement between two frozen rounds, split into what the roadmap revision, the units' reports and the
 * window (or deadline) did (CONTRACT.md, "Movement").
 */
public record MovementView(
        SnapshotView from,
        SnapshotView to,
        @Schema(
                        enumeration = {"PROGRESS", "READINESS"},
                        description = "PROGRESS: percent started; READINESS: percent" + " done")
                String measure,
        List<UnitMovement> units) {

    /** One unit's cells. */
    public record UnitMovement(@Schema(example = "lappi") String region, Map<Group, CellMovement> cells) {}

    /**
     * One cell: the percentages at both rounds and the change in percentage points, split so that roadmap + reported +
     * window = total; a figure is null where a percentage it needs is null (not reported, nothing tracked).
     */
    public record CellMovement(
            @Schema(nullable = true, example = "50") Integer from,
            @Schema(nullable = true, example = "67") Integer to,
            @Schema(nullable = true, example = "17") Integer total,
            @Schema(nullable = true, example = "-17", description = "what the roadmap revision changed")
                    Integer roadmap,
            @Schema(nullable = true, example = "34", description = "what the unit reported") Integer reported,
            @Schema(nullable = true, example = "0", description = "what the moving window or deadline changed")
                    Integer window) {}
}
