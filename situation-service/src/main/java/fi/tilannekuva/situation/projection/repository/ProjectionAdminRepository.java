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

    /** The event log's validity index (migration V5), which makes asOf fast and every applied event dearer. */
    static final String VALIDITY_INDEX = "status_event_valid";

    /**
     * Drops the event log's validity index for a rebuild: maintained row by row, it makes the replay's writes about
     * twice as dear, and built once over the whole log afterwards it comes out smaller and faster to search. While it
     * is missing, asOf answers exactly but from a scan of the log. {@link #restoreValidityIndex()} builds it again.
     */
    public void dropValidityIndex() {
        getEntityManager()
                .createNativeQuery("drop index if exists " + VALIDITY_INDEX)
                .executeUpdate();
    }

    /**
     * Builds the validity index if it is missing (after a rebuild's replay, or after a stop in the middle of one), in
     * the calling transaction; does nothing when it exists.
     *
     * @return true if it was built
     */
    public boolean restoreValidityIndex() {
        Number present = (Number) getEntityManager()
                .createNativeQuery("select count(*) from pg_indexes where schemaname = current_schema()"
                        + " and tablename = 'status_event' and indexname = ?1")
                .setParameter(1, VALIDITY_INDEX)
                .getSingleResult();
        if (present.intValue() > 0) {
            return false;
        }
        getEntityManager()
                .createNativeQuery("create index if not exists " + VALIDITY_INDEX + " on status_event using gist ("
                        + StatusRepository.VALIDITY + ")")
                .executeUpdate();
        return true;
    }

    /**
     * Empties everything derived from the topics, including the stored offsets, so the consumers read both topics
     * from the beginning again. Snapshots, the band states and the outbox stay: they are what was published.
     */
    public void truncateProjection() {
        getEntityManager()
                .createNativeQuery(
                        "truncate roadmap_subtask, roadmap_region, roadmap_version, current_status, status_event, "
                                + "status_checkpoint, consumed_offset, rejected_event")
                .executeUpdate();
    }
}
