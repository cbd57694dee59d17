package fi.tilannekuva.situation.drilldown.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit's drill-down: every tracked subtask per group with its status and whether it is overdue. */
@Schema(description = "A unit's tracked subtasks (critical, applicable to it) per group, in roadmap order.")
public record UnitView(
        @Schema(example = "lappi") String region,
        Map<String, String> name,
        boolean reported,
        @Schema(nullable = true) Instant lastReportedAt,
        @Schema(nullable = true) Integer roadmapVersion,
        @Schema(nullable = true) Instant asOf,
        List<UnitGroupView> groups) {}
