package fi.tilannekuva.situation.summary.rest;

import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.situation.picture.rest.Downloads;
import fi.tilannekuva.situation.summary.api.RoundSummaryView;
import fi.tilannekuva.situation.summary.service.RoundSummaryService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The round summary the ministry publishes after each round, as JSON, CSV and XLSX. */
@Path("/api/v1/situation/rounds")
@Tag(name = "situation")
public class RoundSummaryResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String DESCRIPTION = "The frozen round's progress and readiness per unit × group and"
            + " nationally, each with its change since the previous frozen round in percentage points; status-service's"
            + " completeness and timeliness of the round; the units that did not report; the support requests raised"
            + " since the previous round (the role reader sees every unit's, a unit's own token its own, other callers"
            + " none, and none are counted for them); the round's five highest-ranked risks. The printable page is"
            + " /rounds/{id}/summary?lang=fi|sv|en.";

    @Inject
    RoundSummaryService summaries;

    @Inject
    Callers callers;

    @GET
    @Path("/{id}/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "roundSummary", summary = "The summary of a frozen round", description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The summary",
            content = @Content(schema = @Schema(implementation = RoundSummaryView.class)))
    @APIResponse(responseCode = "404", description = "No such frozen round (problem+json)")
    @APIResponse(
            responseCode = "503",
            description = "status-service did not answer for the completeness (problem+json)")
    public RoundSummaryView summary(@Parameter(example = "10-21") @PathParam("id") String id) {
        return visibleSummary(id);
    }

    @GET
    @Path("/{id}/summary.csv")
    @Produces("text/csv")
    @Operation(
            operationId = "roundSummaryCsv",
            summary = "The summary's table as CSV: the nation and each unit, per group the percents and their changes",
            description = "The same figures as the JSON's national and units rows.")
    @APIResponse(responseCode = "200", description = "The table")
    @APIResponse(responseCode = "404", description = "No such frozen round (problem+json)")
    public Response csv(@PathParam("id") String id) {
        return Downloads.csv(summaries.csv(visibleSummary(id)), "summary-" + id + ".csv");
    }

    @GET
    @Path("/{id}/summary.xlsx")
    @Produces(XLSX)
    @Operation(
            operationId = "roundSummaryXlsx",
            summary = "The summary's table as XLSX",
            description = "The CSV's rows, percents and changes as numbers.")
    @APIResponse(responseCode = "200", description = "The workbook")
    @APIResponse(responseCode = "404", description = "No such frozen round (problem+json)")
    public Response xlsx(@PathParam("id") String id) {
        return Downloads.download(summaries.xlsx(visibleSummary(id)), XLSX, "summary-" + id + ".xlsx");
    }

    /** The summary as this caller may see it (support requests only for the units it may read). */
    private RoundSummaryView visibleSummary(String id) {
        return summaries.summary(id, callers::mayRead, callers.mayReadEveryUnit());
    }
}
