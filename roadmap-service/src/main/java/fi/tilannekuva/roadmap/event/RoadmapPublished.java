package fi.tilannekuva.roadmap.event;

import fi.tilannekuva.roadmap.api.RegionView;
import fi.tilannekuva.roadmap.api.RoadmapTree.GroupNode;
import java.time.Instant;
import java.util.List;

/**
 * The data of a {@code roadmap-published} event: one whole version with every unit, so a consumer knows from
 * this event alone what is tracked for each unit (roadmap-published.schema.json).
 */
public record RoadmapPublished(
        int version, String label, Instant publishedAt, List<RegionView> regions, List<GroupNode> groups) {

    /** CloudEvents {@code source}. */
    public static final String SOURCE = "/tilannekuva/roadmap-service";

    /** CloudEvents {@code type}. */
    public static final String TYPE = "fi.tilannekuva.roadmap.published.v1";
}
