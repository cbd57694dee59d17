package fi.tilannekuva.situation.rounds.rest;

import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.situation.picture.rest.Downloads;
import fi.tilannekuva.situation.picture.service.ExportService;
import fi.tilannekuva.situation.rounds.api.TrendsView;
import fi.tilannekuva.situation.rounds.api.UnitTrend;
import fi.tilannekuva.situation.rounds.service.TrendService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trends over the frozen reporting rounds. Public to read. */
@Path("/api/v1/situation")
@Tag(name = "snapshots")
public class TrendResource {

    /** The most month ends one request computes (ten years). */
    public static final int MAX_MONTHS = 120;

    @Inject
    TrendService trends;

    @Inject
    ExportService export;

    @GET
    @Path("/trends")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Progress and readiness per unit × group at each frozen round, or at month ends",
            description = "Every round oldest first, each as it was frozen (its own window, deadline and instant, never"
                    + " recomputed), per unit and group the progress percent and band and the done and in-progress"
                    + " percents, and the change of the latest round against the one before it in percentage points."
                    + " With from and to (months), the same at the last second of each month instead (the picture as"
                    + " of then over the configured monitoring window and deadline).")
    @APIResponse(
            responseCode = "200",
            description = "The trends",
            content = @Content(schema = @Schema(implementation = TrendsView.class)))
    @APIResponse(responseCode = "400", description = "A month is invalid (problem+json naming it)")
    @APIResponse(responseCode = "404", description = "The unit is in no round (problem+json)")
    public TrendsView trends(
            @Parameter(example = "lappi") @QueryParam("region") String region,
            @Parameter(
                            description = "With to: month ends instead of rounds, from this month (YYYY-MM)",
                            example = "2021-04")
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "With from: the last month (YYYY-MM), at most 120 months after from",
                            example = "2021-10")
                    @QueryParam("to")
                    String to) {
        return view(region, from, to);
    }

    @GET
    @Path("/trends.csv")
    @Produces("text/csv")
    @Operation(
            summary = "The trends as CSV: one row per unit, group and round (or month end)",
            description = "Same parameters and numbers as the JSON.")
    public Response trendsCsv(
            @QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to) {
        TrendsView view = view(region, from, to);
        List<List<Object>> table = new ArrayList<>();
        table.add(List.of(
                "region",
                "name",
                "group",
                "round",
                "progressPercent",
                "progressBand",
                "donePercent",
                "doneBand",
                "inProgressPercent"));
        for (UnitTrend unit : view.units()) {
            unit.groups()
                    .forEach((group, points) -> points.forEach(point -> table.add(Arrays.asList(
                            unit.region(),
                            unit.name().getOrDefault("fi", unit.region()),
                            group.name(),
                            point.round(),
                            point.progressPercent(),
                            point.progressBand(),
                            point.donePercent(),
                            point.doneBand(),
                            point.inProgressPercent()))));
        }
        return Downloads.csv(export.csv(table), "trends.csv");
    }

    private TrendsView view(String region, String from, String to) {
        String unit = region == null || region.isBlank() ? null : region.strip();
        boolean fromGiven = from != null && !from.isBlank();
        boolean toGiven = to != null && !to.isBlank();
        if (!fromGiven && !toGiven) {
            return trends.trends(unit);
        }
        List<ProblemError> errors = new ArrayList<>();
        YearMonth first = month("from", from, errors);
        YearMonth last = month("to", to, errors);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.add(ProblemError.parameter("to", "must not be before from"));
            } else if (first.plusMonths(MAX_MONTHS).isBefore(last)) {
                errors.add(ProblemError.parameter("to", "at most " + MAX_MONTHS + " months after from"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidParameters(errors);
        }
        return trends.monthEnds(unit, first, last);
    }

    private static YearMonth month(String name, String value, List<ProblemError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(ProblemError.parameter(name, "give both from and to (YYYY-MM), or neither"));
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            if (month.getYear() >= 1900 && month.getYear() <= 9999) {
                return month;
            }
        } catch (DateTimeParseException e) {
            // named below
        }
        errors.add(ProblemError.parameter(
                name, "not a month from 1900-01 to 9999-12 (YYYY-MM): " + Problem.bounded(value)));
        return null;
    }
}
