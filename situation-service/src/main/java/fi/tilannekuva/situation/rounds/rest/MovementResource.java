package fi.tilannekuva.situation.rounds.rest;

import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.situation.picture.rest.Downloads;
import fi.tilannekuva.situation.picture.service.ExportService;
import fi.tilannekuva.situation.rounds.api.MovementView;
import fi.tilannekuva.situation.rounds.service.MovementService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Why the figures moved between two frozen rounds or instants. Public to read. */
@Path("/api/v1/situation")
@Tag(name = "snapshots")
public class MovementResource {

    @Inject
    MovementService movement;

    @Inject
    ExportService export;

    @GET
    @Path("/movement")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Every cell's movement between two rounds or instants, explained",
            description = "from and to are each the id of a frozen round (its instant, window and deadline) or an"
                    + " RFC 3339 instant (the picture as of then over the configured monitoring window and deadline,"
                    + " the dashboard's default). Per unit × group the percentages at both ends and the change in percentage points, split"
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
        return view(from, to, measure, region);
    }

    @GET
    @Path("/movement.csv")
    @Produces("text/csv")
    @Operation(
            summary = "The movement as CSV: one row per unit and group",
            description = "Same parameters and numbers as the JSON.")
    public Response movementCsv(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("measure") String measure,
            @QueryParam("region") String region) {
        MovementView view = view(from, to, measure, region);
        List<List<Object>> table = new ArrayList<>();
        table.add(List.of("region", "group", "measure", "from", "to", "total", "roadmap", "reported", "window"));
        for (MovementView.UnitMovement unit : view.units()) {
            unit.cells()
                    .forEach((group, cell) -> table.add(Arrays.asList(
                            unit.region(),
                            group.name(),
                            view.measure(),
                            cell.from(),
                            cell.to(),
                            cell.total(),
                            cell.roadmap(),
                            cell.reported(),
                            cell.window())));
        }
        return Downloads.csv(export.csv(table), "movement.csv");
    }

    private MovementView view(String from, String to, String measure, String region) {
        List<ProblemError> errors = new ArrayList<>();
        if (from == null || from.isBlank()) {
            errors.add(ProblemError.parameter("from", "required: the id of the earlier round, or an instant"));
        }
        if (to == null || to.isBlank()) {
            errors.add(ProblemError.parameter("to", "required: the id of the later round, or an instant"));
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
