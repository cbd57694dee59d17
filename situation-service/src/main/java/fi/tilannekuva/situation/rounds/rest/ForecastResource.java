package fi.tilannekuva.situation.rounds.rest;

import fi.tilannekuva.situation.picture.rest.Downloads;
import fi.tilannekuva.situation.picture.rest.Params;
import fi.tilannekuva.situation.picture.service.ExportService;
import fi.tilannekuva.situation.rounds.api.ForecastView;
import fi.tilannekuva.situation.rounds.api.ForecastView.CellForecast;
import fi.tilannekuva.situation.rounds.service.ForecastService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Will each unit make the deadline? Public to read: aggregates only. */
@Path("/api/v1/situation")
@Tag(name = "snapshots")
public class ForecastResource {

    @Inject
    ForecastService forecasts;

    @Inject
    ExportService export;

    @GET
    @Path("/forecast")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Readiness at the deadline, forecast from the pace over the frozen rounds",
            description = "Per unit × group the done percent against the deadline as of each round, a least-squares"
                    + " line through the latest six rounds (pace never below 0, never below the last observation)"
                    + " extended to the deadline, an 80 % prediction band (Student's t, residual error at least 5"
                    + " points), likelyToMiss when the projection falls short of the target, and cautions when it is"
                    + " not to be trusted: TOO_FEW_ROUNDS (under 3), ROADMAP_REVISED, DEADLINE_PASSED. The README"
                    + " ('Readiness forecast') gives the method and its backtest.")
    @APIResponse(
            responseCode = "200",
            description = "The forecast",
            content = @Content(schema = @Schema(implementation = ForecastView.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (problem+json naming it)")
    @APIResponse(responseCode = "404", description = "The unit is in no round (problem+json)")
    public ForecastView forecast(
            @Parameter(example = "lappi") @QueryParam("region") String region,
            @Parameter(example = "2023-01-01") @QueryParam("deadline") String deadline,
            @Parameter(description = "1–100, default 100") @QueryParam("target") String target,
            @Parameter(description = "Use only the rounds frozen by this instant") @QueryParam("asOf") String asOf) {
        return query(region, deadline, target, asOf);
    }

    @GET
    @Path("/forecast.csv")
    @Produces("text/csv")
    @Operation(
            summary = "The forecast as CSV: one row per unit and group",
            description = "Same parameters and numbers as the JSON.")
    public Response forecastCsv(
            @QueryParam("region") String region,
            @QueryParam("deadline") String deadline,
            @QueryParam("target") String target,
            @QueryParam("asOf") String asOf) {
        ForecastView view = query(region, deadline, target, asOf);
        List<List<Object>> table = new ArrayList<>();
        table.add(List.of(
                "region",
                "name",
                "group",
                "rounds",
                "lastDonePercent",
                "projected",
                "low",
                "high",
                "pacePerMonth",
                "likelyToMiss",
                "cautions"));
        for (ForecastView.UnitForecast unit : view.units()) {
            unit.groups().forEach((group, cell) -> table.add(row(unit, group.name(), cell)));
        }
        return Downloads.csv(export.csv(table), "forecast-" + view.deadline() + ".csv");
    }

    private static List<Object> row(ForecastView.UnitForecast unit, String group, CellForecast cell) {
        List<Object> row = new ArrayList<>();
        row.add(unit.region());
        row.add(unit.name().getOrDefault("fi", unit.region()));
        row.add(group);
        row.add(cell.history().size());
        row.add(
                cell.history().isEmpty()
                        ? null
                        : cell.history().get(cell.history().size() - 1).donePercent());
        row.add(cell.projected());
        row.add(cell.low());
        row.add(cell.high());
        row.add(cell.pacePerMonth());
        row.add(cell.likelyToMiss());
        row.add(String.join(" ", cell.cautions()));
        return row;
    }

    private ForecastView query(String region, String deadline, String target, String asOf) {
        Params params = new Params();
        LocalDate day = params.date("deadline", deadline);
        Integer percent = params.whole("target", target, 1, 100);
        Instant instant = params.instant("asOf", asOf);
        params.check();
        return forecasts.forecast(
                region == null || region.isBlank() ? null : region.strip(),
                day,
                percent == null ? 100 : percent,
                instant);
    }
}
