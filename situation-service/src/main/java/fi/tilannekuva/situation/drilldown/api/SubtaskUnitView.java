package fi.tilannekuva.situation.drilldown.api;

import fi.tilannekuva.kit.reform.Status;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One unit's status of a subtask, in the subtask's view. */
public record SubtaskUnitView(
        @Schema(example = "lappi") String region,
        Map<String, String> name,
        @Schema(description = "whether the subtask applies to the unit") boolean applies,
        @Schema(nullable = true) Status status,
        boolean overdue) {}
