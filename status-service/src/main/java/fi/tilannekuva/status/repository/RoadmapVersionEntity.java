package fi.tilannekuva.status.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A roadmap version consumed from roadmap-published. */
@Entity
@Table(name = "roadmap_version")
public class RoadmapVersionEntity {

    @Id
    public Integer version;

    public String label;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "received_at")
    public Instant receivedAt;
}
