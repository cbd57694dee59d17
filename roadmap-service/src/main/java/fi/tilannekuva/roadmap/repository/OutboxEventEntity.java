package fi.tilannekuva.roadmap.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event written in the same transaction as the change it describes, waiting for the relay. */
@Entity
@Table(name = "outbox_event")
public class OutboxEventEntity {

    @Id
    public UUID id;

    public String topic;

    @Column(name = "event_key")
    public String eventKey;

    /** The whole CloudEvent as JSON, the record value. */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the broker acknowledged it; null while pending. */
    @Column(name = "sent_at")
    public Instant sentAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
