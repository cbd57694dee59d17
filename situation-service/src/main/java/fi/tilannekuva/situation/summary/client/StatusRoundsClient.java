package fi.tilannekuva.situation.summary.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * status-service's round calendar, as far as the round summary needs it: who reported in a round, when, and how much
 * (status-service owns the calendar and the reports' receipt times; CONTRACT.md "Reporting rounds").
 */
@Path("/api/v1/rounds")
@RegisterRestClient(configKey = "status-service")
public interface StatusRoundsClient {

    /** A round's completeness; a 404 when status-service has no such round. */
    @GET
    @Path("/{id}/completeness")
    @Produces(MediaType.APPLICATION_JSON)
    RoundCompleteness completeness(@PathParam("id") String id);
}
