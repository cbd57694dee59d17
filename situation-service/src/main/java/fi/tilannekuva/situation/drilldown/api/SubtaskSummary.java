package fi.tilannekuva.situation.drilldown.api;

import fi.tilannekuva.kit.reform.Group;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One tracked subtask's national standing, for finding the subtasks that lag. */
public record SubtaskSummary(
        @Schema(example = "JO-E-5.8") String id,
        Map<String, String> name,
        Group group,
        ScheduleView schedule,
        @Schema(description = "units the subtask is tracked for that have reported anything") int units,
        @Schema(description = "of them, how many have started it (IN_PROGRESS, ON_SCHEDULE, DELAYED, DONE)")
                int started,
        int done,
        int overdue,
        @Schema(nullable = true, description = "round-half-up(100 × started / units)") Integer startedPercent) {}
