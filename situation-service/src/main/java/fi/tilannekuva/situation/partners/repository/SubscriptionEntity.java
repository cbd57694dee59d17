package fi.tilannekuva.situation.partners.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A partner's subscription: what it receives, where, and how far its deliveries are. */
@Entity
@Table(name = "partner_subscription")
public class SubscriptionEntity {

    /** Receives deliveries. */
    public static final String ACTIVE = "ACTIVE";

    /** Every retry of one event failed; nothing is delivered until the ministry sets it ACTIVE again. */
    public static final String FAILING = "FAILING";

    /** Paused by the ministry, or the endpoint answered 410 Gone. */
    public static final String DISABLED = "DISABLED";

    @Id
    public UUID id;

    public String partner;
    public String description;
    /** The endpoint; null for a subscription read through the feed only. */
    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] types;

    /** The units whose events it receives; empty for all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] units;

    /** The preparation groups whose events it receives; empty for all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] groups;

    /** The grant: comments and support requests are delivered only with it. */
    public boolean confidential;

    public String state;
    public String stateReason;
    public Instant stateChangedAt;
    public String secret;
    public String previousSecret;
    public Instant previousSecretUntil;
    public long deliveredPosition;
    public Long replayUntil;
    public Instant replaySince;
    public int failures;
    public Instant nextAttemptAt;
    public String leaseOwner;
    public Instant leaseUntil;
    public Instant createdAt;
    public Instant updatedAt;
}
