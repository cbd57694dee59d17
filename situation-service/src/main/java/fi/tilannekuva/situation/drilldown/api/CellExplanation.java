package fi.tilannekuva.situation.drilldown.api;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.picture.api.ProgressCell;
import fi.tilannekuva.situation.picture.api.ReadinessCell;
import fi.tilannekuva.situation.picture.api.SnapshotRef;
import fi.tilannekuva.situation.picture.api.WindowView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One cell of the picture explained: the very cell the table shows, every subtask of the unit's group with why it is
 * counted or not, and the formula with its numbers.
 */
public record CellExplanation(
        @Schema(example = "lappi") String region,
        Group group,
        @Schema(enumeration = {"PROGRESS", "READINESS"}) String measure,
        @Schema(nullable = true, description = "the instant the picture is as of; null for the live picture")
                Instant asOf,
        @Schema(nullable = true, description = "the frozen round the cell is explained for, if one was asked")
                SnapshotRef round,
        @Schema(nullable = true, description = "the roadmap version the cell is counted on") Integer roadmapVersion,
        @Schema(nullable = true, description = "progress: the window") WindowView window,
        @Schema(nullable = true, description = "readiness: the deadline") LocalDate deadline,
        @Schema(description = "false: the unit has not reported, so the cell has no percentage (never 0 %)")
                boolean reported,
        @Schema(nullable = true, description = "the progress cell exactly as the table shows it") ProgressCell progress,
        @Schema(nullable = true, description = "the readiness cell exactly as the table shows it")
                ReadinessCell readiness,
        @Schema(
                        example = "{\"en\": \"started 12 of 20 tracked: round-half-up(100 × 12 / 20) = 60 % (band"
                                + " FROM_50_TO_75)\"}",
                        description = "the formula with its numbers, in fi, sv and en")
                Map<String, String> formula,
        List<CellSubtask> subtasks) {}
