package fi.tilannekuva.status.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** The first answers to Idempotency-Keys. */
@ApplicationScoped
public class IdempotencyRecordRepository
        implements PanacheRepositoryBase<IdempotencyRecordEntity, IdempotencyRecordEntity.Key> {

    /** The record of a unit's key, if the key was used before. */
    public Optional<IdempotencyRecordEntity> findFor(String region, String key) {
        return find("region = ?1 and idempotencyKey = ?2", region, key).firstResultOptional();
    }

    /** Deletes the records of keys first used before {@code before}; returns how many. */
    public long deleteCreatedBefore(Instant before) {
        return delete("createdAt < ?1", before);
    }
}
