package fi.tilannekuva.situation.drilldown.api;

import fi.tilannekuva.kit.reform.Status;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One tracked subtask in a unit's drill-down. */
public record UnitSubtaskView(
        @Schema(example = "JO-E-5.8") String id,
        @Schema(example = "{\"fi\": \"Osallisuusohjelman laatiminen\"}") Map<String, String> name,
        ScheduleView schedule,
        @Schema(nullable = true, description = "null = the unit has not reported this subtask") Status status,
        @Schema(description = "critical, schedule ended before today (or the asOf day), not DONE") boolean overdue,
        @Schema(nullable = true) Instant reportedAt,
        @Schema(nullable = true, description = "only for a reader token or the unit's own token") String comment,
        @Schema(nullable = true, description = "only for a reader token or the unit's own token")
                Boolean supportNeeded) {}
