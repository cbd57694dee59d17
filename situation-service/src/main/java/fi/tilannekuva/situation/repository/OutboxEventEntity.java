package fi.tilannekuva.situation.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event waiting for the relay, written in the transaction of the change it describes. */
@Entity
@Table(name = "outbox_event")
public class OutboxEventEntity {
    @Id
    public UUID id;

    public String topic;
    public String recordKey;
    public String payload;
    public Instant createdAt;
    public Instant sentAt;
}
