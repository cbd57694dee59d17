package fi.tilannekuva.situation.projection.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A record that could not be read as an event: kept for inspection and skipped. */
@Entity
@Table(name = "rejected_event")
public class RejectedEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;
    public int partition;

    @Column(name = "record_offset")
    public long recordOffset;

    public String reason;
    public String payload;
    public Instant rejectedAt;
}
