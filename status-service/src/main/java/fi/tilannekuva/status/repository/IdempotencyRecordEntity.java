package fi.tilannekuva.status.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The first answer given to an Idempotency-Key of a unit, with the hash of the request it answered. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecordEntity.Key.class)
public class IdempotencyRecordEntity {

    @Id
    public String region;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "response_status")
    public int responseStatus;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The primary key: unit and key. */
    public static class Key implements Serializable {
        public String region;
        public String idempotencyKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(region, k.region)
                    && Objects.equals(idempotencyKey, k.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(region, idempotencyKey);
        }
    }
}
