package fi.tilannekuva.roadmap.event;

import fi.tilannekuva.roadmap.api.RegionView;
import fi.tilannekuva.roadmap.api.RoadmapTree.GroupNode;
import java.time.Instant;
import java.util.List;

/**
 * The data of a {@code roadmap-published} event as roadmap-service writes it: one whole version with every unit, so a
 * consumer knows from this event alone what is tracked for each unit (roadmap-published.schema.json). Consumers read
 * it as service-kit's {@link fi.tilannekuva.kit.events.RoadmapPublished}, which also names the envelope's source
 * and type.
 */
public record PublishedVersion(
        int version, String label, Instant publishedAt, List<RegionView> regions, List<GroupNode> groups) {}
