package fi.tilannekuva.situation.projection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Bulk operations on the projection tables (the rebuild). */
@ApplicationScoped
public class ProjectionAdminRepository implements PanacheRepositoryBase<RejectedEventEntity, Long> {

    /** The advisory lock key of {@link #holdApplyLock(boolean)}. */
    private static final long APPLY_LOCK = 0x5349_5455_4154_494FL;

    /**
     * Takes the projection's apply lock for the rest of the transaction: shared for a batch of status events,
     * exclusive for a roadmap version. The two consumers' transactions can then not overlap, and one's decision whether
     * the replay has ended (an in-memory fact) is never taken while the other's changes are still uncommitted: without
     * it, the roadmap consumer could end the replay and compare every band before a status batch applied during the
     * replay commits, and that batch's units would never have their bands compared.
     */
    public void holdApplyLock(boolean exclusive) {
        getEntityManager()
                .createNativeQuery("select cast("
                        + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared") + "(?1) as text)")
                .setParameter(1, APPLY_LOCK)
                .getSingleResult();
    }

    /**
     * Empties everything derived from the topics, including the stored offsets, so the consumers read both topics
     * from the beginning again. Snapshots, the band states and the outbox stay: they are what was published.
     */
    public void truncateProjection() {
        getEntityManager()
                .createNativeQuery(
                        "truncate roadmap_subtask, roadmap_region, roadmap_version, current_status, status_event, "
                                + "consumed_offset, rejected_event")
                .executeUpdate();
    }
}
