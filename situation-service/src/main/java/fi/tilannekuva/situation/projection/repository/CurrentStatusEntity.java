package fi.tilannekuva.situation.projection.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The current status of one (unit, subtask): the applied event with the highest version. */
@Entity
@Table(name = "current_status")
public class CurrentStatusEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String region;
    public String subtask;
    public long version;
    public String status;
    public String comment;
    public boolean supportNeeded;
    public Instant reportedAt;
    public Instant recordedAt;
    public Integer roadmapVersion;
    public String eventId;
}
