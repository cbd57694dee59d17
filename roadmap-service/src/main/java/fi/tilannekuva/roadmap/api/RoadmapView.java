package fi.tilannekuva.roadmap.api;

import fi.tilannekuva.roadmap.api.RoadmapTree.GroupNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One whole version: metadata and tree. */
@Schema(name = "Roadmap", description = "A published roadmap version with its whole tree.")
public record RoadmapView(
        @Schema(examples = "3") int version,
        @Schema(examples = "2022-08-30") String label,
        Instant publishedAt,
        @Schema(description = "Whether this is the newest version.") boolean current,
        List<GroupNode> groups) {}
