package fi.tilannekuva.situation.rounds.rest;

import fi.tilannekuva.situation.rounds.api.TrendsView;
import fi.tilannekuva.situation.rounds.service.TrendService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trends over the frozen reporting rounds. Public to read. */
@Path("/api/v1/situation/trends")
@Tag(name = "snapshots")
public class TrendResource {

    @Inject
    TrendService trends;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Progress and readiness per unit × group at each frozen round",
            description = "Every round oldest first, each as it was frozen (its own window, deadline and instant, never"
                    + " recomputed), per unit and group the progress percent and band and the done and in-progress"
                    + " percents, and the change of the latest round against the one before it in percentage points.")
    @APIResponse(
            responseCode = "200",
            description = "The trends",
            content = @Content(schema = @Schema(implementation = TrendsView.class)))
    @APIResponse(responseCode = "404", description = "The unit is in no round (problem+json)")
    public TrendsView trends(@QueryParam("region") String region) {
        return trends.trends(region == null || region.isBlank() ? null : region.strip());
    }
}
