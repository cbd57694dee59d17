package fi.tilannekuva.status.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One received report item, kept for ever in the history (written in bulk by {@link ReportBatchWriter}). */
@Entity
@Table(name = "report")
public class ReportEntity {

    @Id
    public Long id;

    public String region;

    public String subtask;

    @Column(name = "roadmap_version")
    public int roadmapVersion;

    public String status;

    public String comment;

    @Column(name = "support_needed")
    public boolean supportNeeded;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "received_at")
    public Instant receivedAt;
}
