package fi.tilannekuva.situation.projection.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A roadmap version seen on roadmap-published. */
@Entity
@Table(name = "roadmap_version")
public class RoadmapVersionEntity {
    @Id
    public Integer version;

    public String label;
    public Instant publishedAt;
    public String eventId;
    public Instant receivedAt;
}
