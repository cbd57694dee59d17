package fi.tilannekuva.situation.partners.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One delivery attempt of one event to one subscription, as the delivery log shows it. */
@Entity
@Table(name = "partner_delivery_attempt")
public class AttemptEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID subscriptionId;
    public long position;
    public String eventId;
    public int attempt;
    /** DELIVERY, RETRY, REDELIVERY or REPLAY. */
    public String kind;

    public Instant attemptedAt;
    /** The HTTP status, null when there was no answer. */
    public Integer status;

    public int latencyMs;
    public String error;
    public Instant nextRetryAt;
}
