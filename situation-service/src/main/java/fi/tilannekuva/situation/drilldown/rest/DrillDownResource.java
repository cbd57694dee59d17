package fi.tilannekuva.situation.drilldown.rest;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.situation.drilldown.api.CellExplanation;
import fi.tilannekuva.situation.drilldown.api.SubtaskSummary;
import fi.tilannekuva.situation.drilldown.api.SubtaskView;
import fi.tilannekuva.situation.drilldown.api.UnitView;
import fi.tilannekuva.situation.drilldown.service.CellExplainer;
import fi.tilannekuva.situation.drilldown.service.DrillDownService;
import fi.tilannekuva.situation.picture.api.WindowView;
import fi.tilannekuva.situation.picture.rest.Params;
import fi.tilannekuva.situation.picture.service.PictureService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Behind the picture: a unit's subtasks, a subtask across the units, the nationally lagging subtasks and an
 * explained cell. Public to read; comments and support requests only for the callers the contract allows.
 */
@Path("/api/v1/situation")
@Tag(name = "situation")
public class DrillDownResource {

    @Inject
    DrillDownService drillDown;

    @Inject
    Callers callers;

    @Inject
    CellExplainer cells;

    @Inject
    PictureService pictures;

    @GET
    @Path("/units/{region}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A unit's drill-down",
            description = "Each tracked subtask per group with its status and overdue flag (critical, schedule "
                    + "ended, not DONE). comment and supportNeeded only for a reader token or the unit's own "
                    + "region-reporter token; null otherwise.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "404", description = "No such unit in the roadmap (problem+json)")
    public UnitView unit(@PathParam("region") String region, @QueryParam("asOf") String asOf) {
        Params params = new Params();
        Instant instant = params.instant("asOf", asOf);
        params.check();
        return drillDown.unit(region, callers.mayRead(region), instant);
    }

    @GET
    @Path("/units/{region}/{group}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Explain a unit's progress cell",
            description = "The cell exactly as the progress table shows it (live, asOf, or a frozen round with its own"
                    + " window and instant), every subtask of the group with why it is counted or not (NOT_APPLICABLE,"
                    + " NOT_CRITICAL, OUTSIDE_WINDOW) and the figures it adds to, the roadmap version and the formula"
                    + " with its numbers in fi, sv and en. Statuses only; no comment or support request.")
    @APIResponse(
            responseCode = "200",
            description = "The explained cell",
            content = @Content(schema = @Schema(implementation = CellExplanation.class)))
    @APIResponse(responseCode = "404", description = "No such unit in the roadmap, or no such round (problem+json)")
    public CellExplanation explainProgress(
            @PathParam("region") String region,
            @PathParam("group") String group,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("asOf") String asOf,
            @QueryParam("round") String round) {
        Params params = new Params();
        Group only = params.group("group", group);
        LocalDate start = params.date("from", from);
        LocalDate end = params.date("to", to);
        Instant instant = params.instant("asOf", asOf);
        boolean fromGiven = from != null && !from.isBlank();
        boolean toGiven = to != null && !to.isBlank();
        params.require(fromGiven == toGiven, fromGiven ? "to" : "from", "give both from and to, or neither");
        if (start != null && end != null) {
            params.require(!start.isAfter(end), "to", "must not be before from");
        }
        boolean roundGiven = round != null && !round.isBlank();
        params.require(
                !roundGiven || (!fromGiven && !toGiven && instant == null),
                "round",
                "a round brings its own window and instant: give it without from, to and asOf");
        params.check();
        WindowView window = start == null ? pictures.defaultWindow(instant) : new WindowView(start, end);
        return cells.progress(region, only, window, instant, roundGiven ? round.strip() : null);
    }

    @GET
    @Path("/units/{region}/{group}/readiness")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Explain a unit's readiness cell",
            description = "The cell exactly as the readiness table shows it (live, asOf, or a frozen round with its own"
                    + " deadline and instant), every subtask of the group with why it is counted or not (NOT_APPLICABLE,"
                    + " NOT_CRITICAL, BEGINS_AFTER_DEADLINE) and whether it counts as done or in progress, the roadmap"
                    + " version and the formula with its numbers in fi, sv and en.")
    @APIResponse(
            responseCode = "200",
            description = "The explained cell",
            content = @Content(schema = @Schema(implementation = CellExplanation.class)))
    @APIResponse(responseCode = "404", description = "No such unit in the roadmap, or no such round (problem+json)")
    public CellExplanation explainReadiness(
            @PathParam("region") String region,
            @PathParam("group") String group,
            @QueryParam("deadline") String deadline,
            @QueryParam("asOf") String asOf,
            @QueryParam("round") String round) {
        Params params = new Params();
        Group only = params.group("group", group);
        LocalDate day = params.date("deadline", deadline);
        Instant instant = params.instant("asOf", asOf);
        boolean roundGiven = round != null && !round.isBlank();
        params.require(
                !roundGiven || (day == null && instant == null),
                "round",
                "a round brings its own deadline and instant: give it without deadline and asOf");
        params.check();
        return cells.readiness(
                region,
                only,
                day == null ? pictures.defaultDeadline() : day,
                instant,
                roundGiven ? round.strip() : null);
    }

    @GET
    @Path("/subtasks/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A subtask's status across all units, with counts over the units it applies to",
            description = "As of now or asOf; units the subtask does not apply to are left out.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubtaskView.class)))
    @APIResponse(responseCode = "404", description = "No such subtask in the roadmap (problem+json)")
    public SubtaskView subtask(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        Params params = new Params();
        Instant instant = params.instant("asOf", asOf);
        params.check();
        return drillDown.subtask(id, instant);
    }

    @GET
    @Path("/subtasks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The critical subtasks that lag nationally",
            description = "Every critical subtask of the current roadmap with how many of the reporting units it is "
                    + "tracked for have started it, the least started first.")
    public List<SubtaskSummary> lagging(@QueryParam("group") String group) {
        Params params = new Params();
        Group only = params.group("group", group);
        params.check();
        return drillDown.lagging(only);
    }
}
