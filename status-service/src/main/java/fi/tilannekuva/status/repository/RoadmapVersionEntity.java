package fi.tilannekuva.status.repository;

import fi.tilannekuva.kit.events.ReceivedRoadmapVersion;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A roadmap version consumed from roadmap-published. */
@Entity
@Table(name = "roadmap_version")
public class RoadmapVersionEntity extends ReceivedRoadmapVersion {}
