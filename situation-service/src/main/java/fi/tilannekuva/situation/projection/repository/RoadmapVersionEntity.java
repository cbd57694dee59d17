package fi.tilannekuva.situation.projection.repository;

import fi.tilannekuva.kit.events.ReceivedRoadmapVersion;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A roadmap version seen on roadmap-published. */
@Entity
@Table(name = "roadmap_version")
public class RoadmapVersionEntity extends ReceivedRoadmapVersion {}
