package fi.tilannekuva.situation.rounds.rest;

import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.situation.rounds.api.MovementView;
import fi.tilannekuva.situation.rounds.service.MovementService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Why the figures moved between two frozen rounds. Public to read. */
@Path("/api/v1/situation/movement")
@Tag(name = "snapshots")
public class MovementResource {

    @Inject
    MovementService movement;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Every cell's movement between two rounds, explained",
            description = "Per unit × group the percentages at both rounds and the change in percentage points, split"
                    + " into what the roadmap revision changed, what the unit reported and what the window (progress)"
                    + " or deadline (readiness) changed, in CONTRACT.md's order so that the parts sum to the total:"
                    + " roadmap = P(roadmap b, statuses a, window a) − P(a); reported = P(roadmap b, statuses b,"
                    + " window a) − P(roadmap b, statuses a, window a); window = P(b) − P(roadmap b, statuses b,"
                    + " window a).")
    @APIResponse(
            responseCode = "200",
            description = "The movement",
            content = @Content(schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "400", description = "A round or the measure missing or invalid (problem+json)")
    @APIResponse(responseCode = "404", description = "No such round, or the unit is in neither (problem+json)")
    public MovementView movement(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("measure") String measure,
            @QueryParam("region") String region) {
        List<ProblemError> errors = new ArrayList<>();
        if (from == null || from.isBlank()) {
            errors.add(ProblemError.parameter("from", "required: the id of the earlier round"));
        }
        if (to == null || to.isBlank()) {
            errors.add(ProblemError.parameter("to", "required: the id of the later round"));
        }
        String chosen = measure == null || measure.isBlank() ? "progress" : measure.strip();
        if (!chosen.equals("progress") && !chosen.equals("readiness")) {
            errors.add(ProblemError.parameter("measure", "one of progress, readiness"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidParameters(errors);
        }
        return movement.movement(
                from.strip(),
                to.strip(),
                chosen.equals("readiness"),
                region == null || region.isBlank() ? null : region.strip());
    }
}
