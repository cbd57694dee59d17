package fi.tilannekuva.situation.drilldown.api;

import fi.tilannekuva.kit.reform.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One subtask of the group, and whether and how it counts in the cell. */
public record CellSubtask(
        @Schema(example = "JO-E-5.8") String id,
        Map<String, String> name,
        boolean critical,
        @Schema(nullable = true) LocalDate scheduleFrom,
        @Schema(nullable = true) LocalDate scheduleTo,
        @Schema(description = "whether the subtask applies to the unit at all") boolean appliesToUnit,
        @Schema(nullable = true, description = "the unit's status as of the picture's instant; null if never reported")
                Status status,
        @Schema(
                        enumeration = {
                            "COUNTED",
                            "NOT_APPLICABLE",
                            "NOT_CRITICAL",
                            "OUTSIDE_WINDOW",
                            "BEGINS_AFTER_DEADLINE"
                        },
                        description = "why it is in the cell's tracked subtasks or not; the first reason that applies")
                String reason,
        @Schema(
                        example = "[\"tracked\", \"started\"]",
                        description =
                                "the figures of the cell this subtask adds one to: tracked, and started (progress) or"
                                        + " done or inProgress (readiness)")
                List<String> countsIn) {}
