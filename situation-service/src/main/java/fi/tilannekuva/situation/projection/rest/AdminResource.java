package fi.tilannekuva.situation.projection.rest;

import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.situation.projection.api.RebuildView;
import fi.tilannekuva.situation.projection.service.RebuildService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations on the projection itself. */
@Path("/api/v1/situation/admin")
@Tag(name = "admin")
public class AdminResource {

    @Inject
    RebuildService rebuild;

    @POST
    @Path("/rebuild")
    @RolesAllowed(Callers.ROADMAP_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(
            summary = "Rebuild the projection from the topics",
            description = "Empties the projection tables (roadmaps, statuses, event log, stored offsets) and moves "
                    + "both consumers to the beginning of roadmap-published and status-changed. Answers 202 at once; "
                    + "the picture is complete again when the topics have been re-read. Snapshots are kept.")
    public Response rebuild() {
        return Response.accepted(new RebuildView(
                        rebuild.rebuild(), "projection emptied; both topics are being read again from the beginning"))
                .build();
    }
}
