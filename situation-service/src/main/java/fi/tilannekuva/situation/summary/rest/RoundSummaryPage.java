package fi.tilannekuva.situation.summary.rest;

import fi.tilannekuva.kit.security.Callers;
import fi.tilannekuva.situation.dashboard.DashboardPage;
import fi.tilannekuva.situation.dashboard.DashboardPages;
import fi.tilannekuva.situation.summary.api.RoundSummaryView;
import fi.tilannekuva.situation.summary.service.RoundSummaryService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The round summary as a page to read and print (fi/sv/en): rendered on the server from the same summary as the JSON,
 * so it prints to a clean PDF from the browser without waiting for a script.
 */
@Path("/rounds")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Dashboard", description = "The situation picture as HTML for people")
public class RoundSummaryPage {

    @Inject
    RoundSummaryService summaries;

    @Inject
    DashboardPages pages;

    @Inject
    Callers callers;

    /** The type-safe template {@code templates/RoundSummaryPage/summary.html}. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance summary(DashboardPage page, SummaryPage summary);
    }

    @GET
    @Path("/{id}/summary")
    @Operation(
            operationId = "roundSummaryPage",
            summary = "The round summary as a printable page (HTML)",
            description = "In Finnish, Swedish or English (lang or Accept-Language); support requests only for callers"
                    + " allowed to see them.")
    public TemplateInstance summary(
            @PathParam("id") String id,
            @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        DashboardPage page = pages.page(lang, acceptLanguage);
        RoundSummaryView summary = summaries.summary(id, callers::mayRead, callers.mayReadEveryUnit());
        return Templates.summary(page, new SummaryPage(page.lang(), summary));
    }
}
