package fi.tilannekuva.situation.rounds.rest;

import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.situation.picture.api.ProgressView;
import fi.tilannekuva.situation.picture.api.ReadinessView;
import fi.tilannekuva.situation.picture.rest.Conditional;
import fi.tilannekuva.situation.rounds.api.NewSnapshot;
import fi.tilannekuva.situation.rounds.api.SnapshotView;
import fi.tilannekuva.situation.rounds.service.SnapshotService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reporting rounds: frozen pictures that never change. */
@Path("/api/v1/situation/snapshots")
@Tag(name = "snapshots")
public class SnapshotResource {

    @Inject
    SnapshotService snapshots;

    @POST
    @RolesAllowed(Callers.ROADMAP_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "Freeze a reporting round",
            description = "Computes progress (window) and readiness (deadline) as recorded at 'at' (default now) and "
                    + "stores them; id = slug of the name. Role roadmap-admin.")
    @APIResponse(
            responseCode = "201",
            description = "The round, frozen",
            content = @Content(schema = @Schema(implementation = SnapshotView.class)))
    @APIResponse(responseCode = "409", description = "A round with this id exists (problem+json)")
    @APIResponse(responseCode = "422", description = "Invalid fields, all named (problem+json)")
    public Response freeze(NewSnapshot request) {
        if (request == null) {
            throw ProblemException.missingBody("A JSON body is required.");
        }
        SnapshotView created = snapshots.freeze(request);
        return Response.created(URI.create("/api/v1/situation/snapshots/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The reporting rounds, latest first",
            description = "Every frozen round with its window, deadline and the instant it was frozen at.")
    public List<SnapshotView> list() {
        return snapshots.list();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "One frozen round",
            description = "Its window, deadline, the instant it was frozen as of, and when it was frozen.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SnapshotView.class)))
    @APIResponse(responseCode = "404", description = "No such round (problem+json)")
    public SnapshotView get(@PathParam("id") String id) {
        return snapshots.get(id);
    }

    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "snapshotProgress",
            summary = "A round's frozen progress picture",
            description = "Stored when the round was frozen; it never changes.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgressView.class)))
    public Response progress(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return Conditional.of(snapshots.progress(id), ifNoneMatch);
    }

    @GET
    @Path("/{id}/readiness")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "snapshotReadiness",
            summary = "A round's frozen readiness picture",
            description = "Stored when the round was frozen; it never changes.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReadinessView.class)))
    public Response readiness(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return Conditional.of(snapshots.readiness(id), ifNoneMatch);
    }
}
