package fi.tilannekuva.roadmap.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A published version; immutable once stored (the database refuses updates). */
@Entity
@Table(name = "roadmap_version")
public class RoadmapVersionEntity {

    @Id
    public int version;

    public String label;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The tree as JSON, exactly as served and published. */
    public String tree;

    @Column(name = "subtask_count")
    public int subtaskCount;

    @Column(name = "critical_count")
    public int criticalCount;
}
