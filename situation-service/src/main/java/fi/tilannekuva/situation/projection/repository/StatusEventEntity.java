package fi.tilannekuva.situation.projection.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One distinct status event in the append-only log (asOf reads it). */
@Entity
@Table(name = "status_event")
public class StatusEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String eventId;
    public String region;
    public String subtask;
    public long version;
    public String status;
    public String previousStatus;
    public String comment;
    public boolean supportNeeded;
    public Instant reportedAt;
    public Instant recordedAt;
    public Integer roadmapVersion;
    public Instant appliedAt;
}
