package fi.tilannekuva.situation.drilldown.api;

import fi.tilannekuva.kit.reform.Group;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One computed risk signal. */
public record RiskView(
        @Schema(enumeration = {"HIGH", "MEDIUM", "LOW"}) String severity,
        @Schema(enumeration = {"OVERDUE_CRITICAL", "DELAYED", "LOWEST_BAND", "SUPPORT_REQUESTED", "NOT_REPORTED"})
                String kind,
        String region,
        @Schema(nullable = true) Group group,
        @Schema(nullable = true) String subtask,
        @Schema(nullable = true, description = "OVERDUE_CRITICAL is one signal per unit × group: the overdue subtasks")
                List<String> subtasks,
        @Schema(example = "{\"fi\": \"…\", \"sv\": \"…\", \"en\": \"…\"}") Map<String, String> message) {}
