package fi.tilannekuva.situation.summary.api;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.drilldown.api.RiskView;
import fi.tilannekuva.situation.rounds.api.SnapshotView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the ministry published after each round: national and per-unit progress and readiness of the round, the change
 * since the previous round, completeness and timeliness, the units that did not report, the new support requests (for
 * the callers allowed to see them) and the top risks.
 */
public record RoundSummaryView(
        SnapshotView round,
        @Schema(nullable = true, description = "The round frozen last before this one; the changes are against it")
                SnapshotView previous,
        @Schema(nullable = true, example = "3") Integer roadmapVersion,
        List<Group> groups,
        @Schema(description = "The national row: sums over the units that reported") SummaryRow national,
        List<SummaryRow> units,
        @Schema(
                        nullable = true,
                        description = "status-service's completeness of the round; null for a frozen round that is not"
                                + " in the round calendar (an ad-hoc freeze)")
                Completeness completeness,
        @Schema(
                        description = "The units that did not report in the round (MISSING); without a calendar round,"
                                + " the units that had never reported")
                List<String> notReported,
        @Schema(
                        description = "Whether the caller may see every unit's support requests (the role reader);"
                                + " otherwise only its own unit's are listed, and other units' are neither listed nor"
                                + " counted")
                boolean supportRequestsComplete,
        @Schema(description = "Support requests raised since the previous round and still open at the round's instant")
                List<SupportRequest> newSupportRequests,
        @Schema(description = "The five highest-ranked risks of the round, as GET /risks?round= ranks them")
                List<RiskView> topRisks) {

    /** One unit's (or the nation's) figures of the round. */
    public record SummaryRow(
            @Schema(example = "lappi", description = "\"national\" for the national row") String region,
            Map<String, String> name,
            @Schema(description = "false = never reported by the round's instant: no percentages, never 0 %")
                    boolean reported,
            @Schema(
                            nullable = true,
                            enumeration = {"ON_TIME", "LATE", "MISSING"},
                            description = "null in the national row and without a calendar round")
                    String timeliness,
            @Schema(nullable = true) Integer coveragePercent,
            Map<Group, SummaryCell> cells) {}

    /**
     * One unit × group: the round's percents and their change since the previous round in percentage points (null
     * where either round has no percent).
     */
    public record SummaryCell(
            @Schema(nullable = true, example = "57") Integer progressPercent,
            @Schema(nullable = true, example = "12") Integer progressChange,
            @Schema(nullable = true, example = "10") Integer donePercent,
            @Schema(nullable = true, example = "3") Integer doneChange,
            @Schema(nullable = true, example = "36") Integer inProgressPercent,
            @Schema(nullable = true, example = "-2") Integer inProgressChange) {}

    /** The round's completeness and timeliness, nationally. */
    public record Completeness(
            int units,
            int onTime,
            int late,
            int missing,
            @Schema(example = "87") int onTimePercent,
            @Schema(nullable = true, example = "93") Integer coveragePercent) {}

    /** A support request raised since the previous round. */
    public record SupportRequest(
            String region, String subtask, Group group, @Schema(nullable = true) String comment, Instant reportedAt) {}
}
