package fi.tilannekuva.situation.picture.rest;

import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.picture.api.ProgressView;
import fi.tilannekuva.situation.picture.api.ReadinessView;
import fi.tilannekuva.situation.picture.api.WindowView;
import fi.tilannekuva.situation.picture.service.ChangeFeed;
import fi.tilannekuva.situation.picture.service.ExportService;
import fi.tilannekuva.situation.picture.service.PictureService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The situation picture: progress and readiness, their exports and the change feed. Public to read. */
@Path("/api/v1/situation")
@Tag(name = "situation")
public class PictureResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    PictureService pictures;

    @Inject
    ExportService export;

    @Inject
    SituationConfig config;

    @Inject
    ChangeFeed changes;

    @GET
    @Path("/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Progress per unit × group for a window",
            description = "Tracked = critical subtasks applicable to the unit whose schedule overlaps the window; "
                    + "started = IN_PROGRESS, ON_SCHEDULE, DELAYED or DONE; percent = round-half-up(100 × started / "
                    + "tracked). Without from/to: the current half-year. Strong ETag; If-None-Match answers 304.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgressView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given")
    @APIResponse(responseCode = "400", description = "Invalid query parameters (problem+json)")
    public Response progress(
            @Parameter(example = "2021-04-01") @QueryParam("from") String from,
            @Parameter(example = "2021-12-31") @QueryParam("to") String to,
            @Parameter(description = "The picture as recorded by this instant") @QueryParam("asOf") String asOf,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        Window window = window(from, to, asOf);
        return Conditional.of(pictures.progress(window.from, window.to, window.asOf), ifNoneMatch);
    }

    @GET
    @Path("/readiness")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Readiness per unit × group against a deadline",
            description = "Tracked = critical subtasks applicable to the unit whose schedule begins before the "
                    + "deadline; done = DONE; inProgress = IN_PROGRESS, ON_SCHEDULE or DELAYED. Default deadline "
                    + "2023-01-01. Strong ETag; If-None-Match answers 304.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReadinessView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given")
    @APIResponse(responseCode = "400", description = "Invalid query parameters (problem+json)")
    public Response readiness(
            @Parameter(example = "2023-01-01") @QueryParam("deadline") String deadline,
            @QueryParam("asOf") String asOf,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        Params params = new Params();
        LocalDate day = params.date("deadline", deadline);
        Instant instant = params.instant("asOf", asOf);
        params.check();
        return Conditional.of(pictures.readiness(day == null ? config.defaultDeadline() : day, instant), ifNoneMatch);
    }

    @GET
    @Path("/progress.csv")
    @Produces("text/csv")
    @Operation(
            summary = "The progress table as CSV (same numbers as the JSON; a last row 'national')",
            description = "Same parameters as the JSON table; one row per unit and group.")
    public Response progressCsv(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("asOf") String asOf) {
        Window window = window(from, to, asOf);
        String csv = export.csv(export.progressTable(pictures.progressView(window.from, window.to, window.asOf)));
        return Downloads.csv(csv, "progress-" + window.from + "-" + window.to + ".csv");
    }

    @GET
    @Path("/progress.xlsx")
    @Produces(XLSX)
    @Operation(
            summary = "The progress table as XLSX (the CSV's rows; counts and percentages as numbers)",
            description = "Same parameters as the JSON table; a spreadsheet for the monthly discussion.")
    public Response progressXlsx(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("asOf") String asOf) {
        Window window = window(from, to, asOf);
        byte[] xlsx = export.xlsx(
                export.progressTable(pictures.progressView(window.from, window.to, window.asOf)), "Eteneminen");
        return Downloads.download(xlsx, XLSX, "progress-" + window.from + "-" + window.to + ".xlsx");
    }

    @GET
    @Path("/readiness.csv")
    @Produces("text/csv")
    @Operation(
            summary = "The readiness table as CSV (same numbers as the JSON; a last row 'national')",
            description = "Same parameters as the JSON table; one row per unit and group.")
    public Response readinessCsv(@QueryParam("deadline") String deadline, @QueryParam("asOf") String asOf) {
        Params params = new Params();
        LocalDate day = params.date("deadline", deadline);
        Instant instant = params.instant("asOf", asOf);
        params.check();
        LocalDate effective = day == null ? config.defaultDeadline() : day;
        String csv = export.csv(export.readinessTable(pictures.readinessView(effective, instant)));
        return Downloads.csv(csv, "readiness-" + effective + ".csv");
    }

    @GET
    @Path("/readiness.xlsx")
    @Produces(XLSX)
    @Operation(
            summary = "The readiness table as XLSX (the CSV's rows; counts and percentages as numbers)",
            description = "Same parameters as the JSON table; a spreadsheet for the monthly discussion.")
    public Response readinessXlsx(@QueryParam("deadline") String deadline, @QueryParam("asOf") String asOf) {
        Params params = new Params();
        LocalDate day = params.date("deadline", deadline);
        Instant instant = params.instant("asOf", asOf);
        params.check();
        LocalDate effective = day == null ? config.defaultDeadline() : day;
        byte[] xlsx = export.xlsx(export.readinessTable(pictures.readinessView(effective, instant)), "Valmiusaste");
        return Downloads.download(xlsx, XLSX, "readiness-" + effective + ".xlsx");
    }

    @GET
    @Path("/changes")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Server-sent events: one 'changed' event when new events have been applied",
            description = "data: {\"newestEventAt\": …, \"generation\": …}; at most one per second: at once after "
                    + "a change when none went out in the last second, else when that second is over. Polling with "
                    + "If-None-Match works as well.")
    public void changes(@Context SseEventSink sink, @Context Sse sse) {
        changes.register(sink, sse);
    }

    private record Window(LocalDate from, LocalDate to, Instant asOf) {}

    private Window window(String from, String to, String asOf) {
        Params params = new Params();
        LocalDate start = params.date("from", from);
        LocalDate end = params.date("to", to);
        Instant instant = params.instant("asOf", asOf);
        boolean fromGiven = from != null && !from.isBlank();
        boolean toGiven = to != null && !to.isBlank();
        params.require(fromGiven == toGiven, fromGiven ? "to" : "from", "give both from and to, or neither");
        if (start != null && end != null) {
            params.require(!start.isAfter(end), "to", "must not be before from");
        }
        params.check();
        if (start == null) {
            WindowView standard = pictures.defaultWindow(instant);
            start = standard.from();
            end = standard.to();
        }
        return new Window(start, end, instant);
    }
}
