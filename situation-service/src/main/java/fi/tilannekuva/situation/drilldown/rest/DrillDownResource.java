package fi.tilannekuva.situation.drilldown.rest;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.situation.drilldown.api.RisksView;
import fi.tilannekuva.situation.drilldown.api.SubtaskSummary;
import fi.tilannekuva.situation.drilldown.api.SubtaskView;
import fi.tilannekuva.situation.drilldown.api.UnitView;
import fi.tilannekuva.situation.drilldown.service.DrillDownService;
import fi.tilannekuva.situation.drilldown.service.RiskService;
import fi.tilannekuva.situation.picture.rest.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Behind the picture: a unit's subtasks, a subtask across the units, the nationally lagging subtasks and the risk
 * signals. Public to read; comments and support requests only for the callers the contract allows.
 */
@Path("/api/v1/situation")
@Tag(name = "situation")
public class DrillDownResource {

    @Inject
    DrillDownService drillDown;

    @Inject
    RiskService risks;

    @Inject
    Callers callers;

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

    @GET
    @Path("/risks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Risk signals, most severe first",
            description = "HIGH: OVERDUE_CRITICAL (per unit × group), NOT_REPORTED (never). MEDIUM: DELAYED, "
                    + "LOWEST_BAND (progress under 25 % over the configured window), SUPPORT_REQUESTED (only for the role "
                    + "reader or the unit's own region-reporter token). LOW: "
                    + "NOT_REPORTED in the current round (since the latest snapshot's at).")
    public RisksView risks(@QueryParam("region") String region, @QueryParam("group") String group) {
        Params params = new Params();
        Group only = params.group("group", group);
        params.check();
        return risks.risks(region == null || region.isBlank() ? null : region.strip(), only, callers::mayRead);
    }
}
