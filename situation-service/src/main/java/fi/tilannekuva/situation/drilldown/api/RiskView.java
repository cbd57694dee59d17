package fi.tilannekuva.situation.drilldown.api;

import fi.tilannekuva.kit.reform.Group;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One ranked risk signal: a unit × preparation group, its score and the reasons the score adds up from. */
public record RiskView(
        @Schema(description = "1 for the highest score in the whole ranking (before paging)", example = "1") int rank,
        @Schema(example = "lappi") String region,
        @Schema(example = "{\"fi\": \"Lapin hyvinvointialue\", \"sv\": \"Lapplands välfärdsområde\"}")
                Map<String, String> name,
        Group group,
        @Schema(description = "The sum of the reasons' points (README: 'Risk ranking')", example = "57.4") double score,
        @Schema(
                        enumeration = {"HIGH", "MEDIUM", "LOW"},
                        description = "HIGH from 40 points, MEDIUM from 15")
                String severity,
        @Schema(nullable = true, description = "The cell's progress percent over the window judged on", example = "38")
                Integer progressPercent,
        List<RiskReasonView> reasons,
        @Schema(
                        description = "The reasons in words",
                        example =
                                "{\"fi\": \"Lappi, PJ: 3 kriittistä tehtävää myöhässä (enintään 92 pv)\", \"sv\": \"…\","
                                        + " \"en\": \"…\"}")
                Map<String, String> message) {}
