package fi.tilannekuva.status.rest;

import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.status.api.CompletenessView;
import fi.tilannekuva.status.api.ExceptionRequest;
import fi.tilannekuva.status.api.ExceptionView;
import fi.tilannekuva.status.api.RoundRequest;
import fi.tilannekuva.status.api.RoundView;
import fi.tilannekuva.status.service.RoundCalendar;
import fi.tilannekuva.status.service.RoundCompleteness;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The reporting round calendar: public to read, planned by the ministry (roadmap-admin). */
@Path("/api/v1/rounds")
@Tag(name = "Rounds")
public class RoundResource {

    private static final String BODY = "The request body must be a round: {\"name\", \"window\": {\"from\", \"to\"},"
            + " \"deadline\", \"opensAt\", \"dueAt\", \"closesAt\"}";

    @Inject
    RoundCalendar calendar;

    @Inject
    RoundCompleteness completeness;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every round, the latest opening first", description = "With its state now.")
    public List<RoundView> list() {
        return calendar.list();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One round", description = "Its window, deadline, instants and state now.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "404", description = "No such round (problem+json)")
    public RoundView get(@PathParam("id") String id) {
        return calendar.get(id);
    }

    @GET
    @Path("/{id}/completeness")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Who reported in the round, when, and how much of what they track",
            description = "Per unit: timeliness ON_TIME (a report item or an unchanged-confirmation received in"
                    + " [opensAt, dueAt)), LATE (only in [dueAt, closesAt)) or MISSING; coverage = the share of the"
                    + " subtasks tracked for the round's readiness (critical, applicable, beginning before the"
                    + " deadline, roadmap current at closesAt) reported or confirmed in the round. Nationally: the"
                    + " counts, the on-time rate and the coverage. Public: no report's content.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CompletenessView.class)))
    @APIResponse(responseCode = "404", description = "No such round (problem+json)")
    public CompletenessView completeness(@PathParam("id") String id) {
        return completeness.of(id);
    }

    @GET
    @Path("/{id}/exceptions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The units the round was reopened for, until when and why",
            description = "Public: what an exception changes in the completeness is visible to everyone.")
    public List<ExceptionView> exceptions(@PathParam("id") String id) {
        return completeness.exceptions(id);
    }

    @POST
    @Path("/{id}/exceptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Callers.ROADMAP_ADMIN)
    @Operation(
            summary = "Reopen the round for one unit until an instant",
            description = "The unit's reports until then count for the round's completeness (as LATE); the round's"
                    + " frozen picture never changes, and a report after the close still belongs to the live picture."
                    + " Granting again moves until; the instant replaced is kept (previousUntil).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExceptionView.class)))
    @APIResponse(responseCode = "404", description = "No such round")
    @APIResponse(responseCode = "409", description = "The round was cancelled (problem+json)")
    @APIResponse(responseCode = "422", description = "An unknown unit, an until not after closesAt, no reason")
    public ExceptionView grant(@PathParam("id") String id, ExceptionRequest request) {
        if (request == null) {
            throw ProblemException.missingBody("The request body must be {\"region\", \"until\", \"reason\"}");
        }
        return completeness.grant(id, request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Callers.ROADMAP_ADMIN)
    @Operation(
            summary = "Plan a round",
            description = "opensAt < dueAt <= closesAt; planned rounds never overlap ([opensAt, closesAt)); id = the"
                    + " slug of the name (10/21 → 10-21). May lie in the past (a calendar kept after the fact). Its"
                    + " events (round-opened, round-due-soon, round-closed) follow when their instants come.")
    @APIResponse(
            responseCode = "201",
            description = "Planned",
            content = @Content(schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "The id is taken, or the round overlaps another (problem+json)")
    @APIResponse(responseCode = "422", description = "Invalid fields, each named (problem+json); nothing stored")
    public Response plan(RoundRequest request) {
        if (request == null) {
            throw ProblemException.missingBody(BODY);
        }
        RoundView round = calendar.plan(request);
        return Response.created(URI.create("/api/v1/rounds/" + round.id()))
                .entity(round)
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Callers.ROADMAP_ADMIN)
    @Operation(
            summary = "Move a round",
            description = "The whole round as it is to be. An instant that has passed cannot change, one ahead cannot"
                    + " be moved into the past; a closed or cancelled round never changes; the id stays.")
    @APIResponse(
            responseCode = "200",
            description = "Moved",
            content = @Content(schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "404", description = "No such round")
    @APIResponse(responseCode = "409", description = "Closed, cancelled, or overlapping another (problem+json)")
    @APIResponse(responseCode = "422", description = "Invalid fields, each named (problem+json); nothing changed")
    public RoundView move(@PathParam("id") String id, RoundRequest request) {
        if (request == null) {
            throw ProblemException.missingBody(BODY);
        }
        return calendar.move(id, request);
    }

    @DELETE
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Callers.ROADMAP_ADMIN)
    @Operation(
            summary = "Cancel a round that has not closed",
            description = "It stays in the calendar as CANCELLED and sends no more events; cancelling again changes"
                    + " nothing.")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "404", description = "No such round")
    @APIResponse(responseCode = "409", description = "The round has closed (problem+json)")
    public RoundView cancel(@PathParam("id") String id) {
        return calendar.cancel(id);
    }
}
