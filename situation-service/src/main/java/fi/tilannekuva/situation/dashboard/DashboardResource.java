package fi.tilannekuva.situation.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dashboard's HTML pages: the heatmap at {@code /} and a unit's drill-down at {@code /units/{region}}.
 *
 * <p>The pages are shells in the chosen language; the numbers come from the public JSON API, which the page's script
 * reads and polls, so what a person sees is exactly what integrations get.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Dashboard", description = "The situation picture as HTML for people")
public class DashboardResource {

    /** Region codes are lowercase slugs; anything else cannot be a unit. */
    private static final Pattern REGION_CODE = Pattern.compile("[a-z][a-z-]{1,39}");

    private final DashboardPages pages;

    DashboardResource(DashboardPages pages) {
        this.pages = pages;
    }

    /** The type-safe templates under {@code templates/DashboardResource/}. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance heatmap(DashboardPage page);

        static native TemplateInstance unit(DashboardPage page, String region);
    }

    @GET
    @Operation(
            summary = "The heatmap of units × preparation groups with the risk list (HTML)",
            description = "The public dashboard page in Finnish, Swedish or English (lang or Accept-Language).")
    public TemplateInstance heatmap(
            @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return Templates.heatmap(pages.page(lang, acceptLanguage));
    }

    @GET
    @Path("units/{region}")
    @Operation(
            operationId = "unitPage",
            description = "The public page of one unit; comments appear only for a reader or the unit's own token.",
            summary = "One unit's drill-down: its tracked subtasks per group with status and overdue flags (HTML)")
    public TemplateInstance unit(
            @PathParam("region") String region,
            @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        if (!REGION_CODE.matcher(region).matches()) {
            throw new NotFoundException("No unit " + region);
        }
        return Templates.unit(pages.page(lang, acceptLanguage), region);
    }
}
