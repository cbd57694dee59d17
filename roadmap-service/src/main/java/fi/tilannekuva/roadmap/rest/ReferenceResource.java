package fi.tilannekuva.roadmap.rest;

import fi.tilannekuva.roadmap.api.GroupInfo;
import fi.tilannekuva.roadmap.api.RegionView;
import fi.tilannekuva.roadmap.service.RoadmapService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The reference data: reporting units and preparation groups. Public. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class ReferenceResource {

    @Inject
    RoadmapService roadmaps;

    @GET
    @Path("/regions")
    @Operation(summary = "The 23 reporting units", description = "21 wellbeing services counties, Helsinki and HUS.")
    @APIResponse(
            responseCode = "200",
            description = "All units in their official order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RegionView.class),
                            examples = @ExampleObject(name = "regions", value = ApiExamples.REGIONS)))
    public List<RegionView> regions() {
        return roadmaps.listRegions();
    }

    @GET
    @Path("/groups")
    @Operation(summary = "The five preparation groups", description = "HTT, JO, PJ, YP, ICT in their official order.")
    @APIResponse(
            responseCode = "200",
            description = "All groups",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = GroupInfo.class),
                            examples = @ExampleObject(name = "groups", value = ApiExamples.GROUPS)))
    public List<GroupInfo> groups() {
        return roadmaps.listGroups();
    }
}
