package fi.tilannekuva.situation.summary.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * status-service's round calendar, as far as the round summary and the dashboard need it: who reported in a round,
 * when, and how much, and whose data is old (status-service owns the calendar and the reports' receipt times;
 * CONTRACT.md "Reporting rounds").
 */
@Path("/api/v1")
@RegisterRestClient(configKey = "status-service")
public interface StatusRoundsClient {

    /** A round's completeness; a 404 when status-service has no such round. */
    @GET
    @Path("/rounds/{id}/completeness")
    @Produces(MediaType.APPLICATION_JSON)
    RoundCompleteness completeness(@PathParam("id") String id);

    /**
     * A unit's stale data: its tracked subtasks last reported before the start of the Nth last round; for the role
     * reader or the unit's own token, so the caller's is passed on. 404 for an unknown unit, 400 for a bad count.
     */
    @GET
    @Path("/regions/{region}/stale")
    @Produces(MediaType.APPLICATION_JSON)
    UnitStaleness stale(
            @PathParam("region") String region,
            @QueryParam("rounds") int rounds,
            @HeaderParam("Authorization") String authorization);
}
