package fi.tilannekuva.situation.rounds.api;

import fi.tilannekuva.kit.reform.Group;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Readiness at the deadline forecast per unit × group from the pace over the frozen rounds (README: the method). */
public record ForecastView(
        @Schema(example = "2023-01-01") LocalDate deadline,
        @Schema(description = "The done percent a unit must reach by the deadline", example = "100") int target,
        @Schema(nullable = true, description = "Only rounds frozen by this instant were used; null: every round")
                Instant asOf,
        @Schema(description = "The rounds the forecast is made from, oldest first") List<String> rounds,
        List<UnitForecast> units) {

    /** One unit's forecast per group. */
    public record UnitForecast(
            @Schema(example = "lappi") String region, Map<String, String> name, Map<Group, CellForecast> groups) {}

    /** One cell's forecast; null figures where the unit had reported in no round. */
    public record CellForecast(
            @Schema(description = "The done percent at each round it reported in, oldest first") List<Observed> history,
            @Schema(nullable = true, example = "64.5", description = "Projected done percent at the deadline")
                    Double projected,
            @Schema(nullable = true, description = "80 % band: lower end") Double low,
            @Schema(nullable = true, description = "80 % band: upper end") Double high,
            @Schema(nullable = true, description = "Percentage points a month, never below 0") Double pacePerMonth,
            @Schema(nullable = true, description = "The projection falls short of the target") Boolean likelyToMiss,
            @Schema(
                            description = "Why not to trust it: TOO_FEW_ROUNDS, ROADMAP_REVISED, DEADLINE_PASSED,"
                                    + " NOT_REPORTED")
                    List<String> cautions) {}

    /** The done percent observed at one round. */
    public record Observed(@Schema(example = "10-21") String round, Instant at, int donePercent, int roadmapVersion) {}
}
