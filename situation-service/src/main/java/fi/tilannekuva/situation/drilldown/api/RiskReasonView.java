package fi.tilannekuva.situation.drilldown.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One reason of a risk signal and what it adds to the score. */
public record RiskReasonView(
        @Schema(
                        enumeration = {
                            "NEVER_REPORTED",
                            "NOT_REPORTED_THIS_ROUND",
                            "OVERDUE_CRITICAL",
                            "DELAYED",
                            "SUPPORT_REQUESTED",
                            "BELOW_PEER_MEDIAN",
                            "FALLING"
                        })
                String code,
        @Schema(example = "12.5") double points,
        @Schema(nullable = true, description = "Subtasks counted: overdue, delayed, asking for support") Integer count,
        @Schema(
                        nullable = true,
                        description = "OVERDUE_CRITICAL: the longest delay in days; DELAYED: the delayed share in"
                                + " percent; BELOW_PEER_MEDIAN: the gap, FALLING: the fall, in percentage points")
                Double value,
        @Schema(
                        nullable = true,
                        description = "BELOW_PEER_MEDIAN: the other reporting units' median percent; FALLING: the"
                                + " percent at the previous round")
                Double reference,
        @Schema(description = "The subtasks concerned; empty where none") List<String> subtasks,
        @Schema(example = "{\"fi\": \"…\", \"sv\": \"…\", \"en\": \"…\"}") Map<String, String> message) {}
