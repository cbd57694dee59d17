package fi.tilannekuva.status.rest;

import fi.tilannekuva.status.api.KnownRoadmapView;
import fi.tilannekuva.status.service.RoadmapCatalog;
import fi.tilannekuva.status.service.RoadmapUnknownException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which roadmap this service knows (public: the roadmap is public to read). */
@Path("/api/v1/roadmap")
@Tag(name = "Roadmap")
public class KnownRoadmapResource {

    @Inject
    RoadmapCatalog roadmaps;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The roadmap version reports are validated against (503 until one is received)",
            description = "The version number, label and subtask count this service knows from roadmap-published.")
    public KnownRoadmapView current() {
        var roadmap = roadmaps.current().orElseThrow(RoadmapUnknownException::new);
        int critical = (int)
                roadmap.subtasks().values().stream().filter(s -> s.critical()).count();
        return new KnownRoadmapView(
                roadmap.version(),
                roadmap.label(),
                roadmap.subtasks().size(),
                critical,
                roadmap.regions().size());
    }
}
