package fi.tilannekuva.status.rest;

import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.status.api.ReportReceipt;
import fi.tilannekuva.status.api.ReportRound;
import fi.tilannekuva.status.config.StatusConfig;
import fi.tilannekuva.status.service.ReportMetrics;
import fi.tilannekuva.status.service.ReportService;
import fi.tilannekuva.status.service.TooManyItemsException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Receives the units' status reports. */
@Path("/api/v1/reports")
@Tag(name = "Reports")
@SecurityRequirement(name = "jwt")
public class ReportResource {

    /** Set on an answer replayed for a known Idempotency-Key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    ReportService reports;

    @Inject
    Callers callers;

    @Inject
    StatusConfig config;

    @Inject
    ReportMetrics metrics;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Callers.REGION_REPORTER)
    @Operation(
            summary = "Report statuses of one unit: one item or a whole reporting round",
            description = "All or nothing: on any invalid item nothing is stored and the answer names every bad"
                    + " item by index. An item becomes the current record of its subtask unless an item with a"
                    + " later reportedAt is already current; each change emits one status-changed event.")
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = ReportReceipt.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or wrong types",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Another unit than the token's; nothing stored")
    @APIResponse(responseCode = "413", description = "More items than accepted in one request")
    @APIResponse(
            responseCode = "422",
            description = "Invalid items, each named by index; or an Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No roadmap received yet")
    public Response submit(
            @Parameter(
                            description = "Makes a retry store nothing twice and answer as the first time",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            ReportRound round) {
        if (round == null) {
            throw ProblemException.missingBody(
                    "The request body must be a report: {\"region\", \"reportedAt\", \"items\"}");
        }
        if (round.region() != null) {
            callers.requireOwnUnit(round.region());
        } // else: refused by validation (422 "region is required"), nothing stored

        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new ProblemException(Problem.of(
                    "invalid-header",
                    "Invalid header",
                    400,
                    "Idempotency-Key must have 1 to 200 characters",
                    List.of(new ProblemError(null, null, null, "Idempotency-Key", "must have 1 to 200 characters"))));
        }
        int max = config.reports().maxItems();
        if (round.items() != null && round.items().size() > max) {
            throw new TooManyItemsException(round.items().size(), max);
        }
        ReportService.Submitted submitted = reports.submit(round, idempotencyKey);
        metrics.answered(submitted);
        // A replay answers exactly as the first time: the same status and the same bytes.
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON)
                .entity(submitted.receipt());
        if (submitted.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
