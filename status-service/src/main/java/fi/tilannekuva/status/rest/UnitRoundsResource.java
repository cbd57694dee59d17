package fi.tilannekuva.status.rest;

import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.status.api.CompletenessView.UnitCompleteness;
import fi.tilannekuva.status.api.ConfirmationReceipt;
import fi.tilannekuva.status.api.ConfirmationRequest;
import fi.tilannekuva.status.api.ContactView;
import fi.tilannekuva.status.api.StaleView;
import fi.tilannekuva.status.service.RoundCompleteness;
import fi.tilannekuva.status.service.UnitContacts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A unit in the rounds (its path shares the class path of {@link StatusResource}: a longer class path would take
 * every {@code /regions/{region}/…} request away from it): its timeliness and coverage over time, its stale data, its "unchanged", its contacts. */
@Path("/api/v1")
@Tag(name = "Rounds")
public class UnitRoundsResource {

    /** The most rounds back that stale data may be asked for. */
    public static final int MAX_ROUNDS = 120;

    @Inject
    RoundCompleteness completeness;

    @Inject
    Callers callers;

    @Inject
    UnitContacts contacts;

    @GET
    @Path("/regions/{region}/contacts")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.ROADMAP_ADMIN)
    @Operation(
            summary = "The addresses the unit's round reminders go to (the ministry's)",
            description = "Personal data: the role roadmap-admin only.")
    public List<ContactView> contacts(@PathParam("region") String region) {
        return contacts.of(region);
    }

    @PUT
    @Path("/regions/{region}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Callers.ROADMAP_ADMIN)
    @Operation(
            summary = "Replace the addresses the unit's round reminders go to",
            description = "At most 20, each with the language its reminders are written in (fi, sv, en); an empty"
                    + " list removes them all.")
    @APIResponse(responseCode = "200", description = "The contacts as stored")
    @APIResponse(responseCode = "422", description = "A bad address or language, each named (problem+json)")
    public List<ContactView> replaceContacts(@PathParam("region") String region, List<ContactView> given) {
        return contacts.replace(region, given);
    }

    @GET
    @Path("/regions/{region}/rounds")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The unit's timeliness and coverage in every round opened, the earliest first",
            description = "The same figures as the round's completeness, for one unit across the rounds. Public.")
    @APIResponse(responseCode = "200", description = "The unit in each round opened")
    @APIResponse(responseCode = "404", description = "No such unit (problem+json)")
    public List<UnitCompleteness> roundHistory(@Parameter(example = "lappi") @PathParam("region") String region) {
        return completeness.history(region);
    }

    @GET
    @Path("/regions/{region}/stale")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.READER, Callers.REGION_REPORTER})
    @Operation(
            summary = "The unit's stale data: tracked subtasks not reported or confirmed for N rounds, oldest first",
            description = "Tracked under the current roadmap for the last round's deadline; last reported or"
                    + " confirmed before the opening of the Nth last round opened (never reported first). The role"
                    + " reader or the unit's own token.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaleView.class)))
    @APIResponse(responseCode = "400", description = "rounds is not a whole number from 1 to 120 (problem+json)")
    public StaleView stale(
            @PathParam("region") String region,
            @Parameter(description = "1–120, default 2") @QueryParam("rounds") String rounds) {
        int n = 2;
        if (rounds != null && !rounds.isBlank()) {
            try {
                n = Integer.parseInt(rounds.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_ROUNDS) {
                throw ProblemException.invalidParameter(
                        "rounds",
                        "must be a whole number from 1 to " + MAX_ROUNDS + ", was " + Problem.bounded(rounds));
            }
        }
        callers.requireReaderOf(region);
        return completeness.stale(region, n);
    }

    @POST
    @Path("/regions/{region}/confirmations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Callers.REGION_REPORTER)
    @Operation(
            summary = "Confirm that statuses still hold, in the open round, without resending them",
            description = "Covers each subtask for the round as a report does (and counts for timeliness); no"
                    + " status-changed event, since nothing changed. Idempotent: a subtask confirmed again in the"
                    + " same round keeps its first confirmation. Only the unit's own token.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConfirmationReceipt.class)))
    @APIResponse(responseCode = "403", description = "Another unit than the token's; nothing stored")
    @APIResponse(responseCode = "409", description = "No round is open (problem+json)")
    @APIResponse(responseCode = "422", description = "A subtask the unit has no status for, each named (problem+json)")
    public ConfirmationReceipt confirm(@PathParam("region") String region, ConfirmationRequest request) {
        callers.requireOwnUnit(region);
        return completeness.confirm(region, request == null ? null : request.subtasks());
    }
}
