package fi.tilannekuva.status.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who reported in a round, when, and how much of what they track (CONTRACT.md, "Reporting rounds"). */
public record CompletenessView(
        RoundView round,
        @Schema(nullable = true, description = "The roadmap version current at closesAt that coverage counts on")
                Integer roadmapVersion,
        National national,
        List<UnitCompleteness> units) {

    /** The whole country in the round. */
    public record National(
            int units,
            int onTime,
            int late,
            int missing,
            @Schema(description = "round-half-up(100 × onTime / units)", example = "87") int onTimePercent,
            @Schema(description = "Σ covered / Σ tracked over the units, as a percent", nullable = true)
                    Integer coveragePercent) {}

    /** One unit in one round. */
    public record UnitCompleteness(
            @Schema(example = "10-21") String round,
            @Schema(example = "lappi") String region,
            @Schema(
                            enumeration = {"ON_TIME", "LATE", "MISSING"},
                            description = "ON_TIME: reported or confirmed in [opensAt, dueAt); LATE: only in"
                                    + " [dueAt, closesAt); MISSING: neither")
                    String timeliness,
            @Schema(nullable = true, description = "The first report item or confirmation in the round")
                    Instant firstAt,
            @Schema(
                            description =
                                    "Subtasks tracked for the round's readiness: critical, applicable, beginning before"
                                            + " the deadline, under the roadmap current at closesAt")
                    int tracked,
            @Schema(description = "Of them, reported or confirmed in the round") int covered,
            @Schema(nullable = true, description = "round-half-up(100 × covered / tracked); null when tracked is 0")
                    Integer coveragePercent,
            @Schema(
                            nullable = true,
                            description = "The unit's exception: its activity until this instant counts (after"
                                    + " closesAt, so LATE); null without one")
                    Instant exceptionUntil) {}
}
