package fi.tilannekuva.situation.summary.rest;

import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.situation.picture.rest.Params;
import fi.tilannekuva.situation.summary.client.UnitStaleness;
import fi.tilannekuva.situation.summary.service.RoundSummaryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A unit's stale data for the dashboard, as status-service (which owns the rounds and the receipt times) judges it. */
@Path("/api/v1/situation")
@Tag(name = "situation")
public class StalenessResource {

    @Inject
    RoundSummaryService summaries;

    @Inject
    Callers callers;

    @GET
    @Path("/units/{region}/stale")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.READER, Callers.REGION_REPORTER})
    @Operation(
            operationId = "unitStale",
            summary = "A unit's stale data: tracked subtasks not reported or confirmed for N rounds, the oldest first",
            description =
                    "status-service's GET /api/v1/regions/{region}/stale, for the dashboard's unit page (one origin)."
                            + " Statuses' ages only, never a comment; like status-service's, for the role reader or the unit's"
                            + " own token, which is passed on.")
    @APIResponse(
            responseCode = "200",
            description = "The stale subtasks",
            content = @Content(schema = @Schema(implementation = UnitStaleness.class)))
    @APIResponse(responseCode = "400", description = "rounds is not 1–120 (problem+json)")
    @APIResponse(responseCode = "401", description = "No valid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Neither a reader nor the unit's own token (problem+json)")
    @APIResponse(responseCode = "404", description = "No such unit (problem+json)")
    @APIResponse(responseCode = "503", description = "status-service did not answer (problem+json)")
    public UnitStaleness stale(
            @Parameter(example = "lappi") @PathParam("region") String region,
            @Parameter(description = "1–120, default 2") @QueryParam("rounds") String rounds,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        callers.requireReaderOf(region);
        Params params = new Params();
        Integer n = params.whole("rounds", rounds, 1, 120);
        params.check();
        return summaries.stale(region, n == null ? 2 : n, authorization);
    }
}
