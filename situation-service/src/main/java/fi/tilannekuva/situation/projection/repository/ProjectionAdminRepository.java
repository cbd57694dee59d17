package fi.tilannekuva.situation.projection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Bulk operations on the projection tables (the rebuild). */
@ApplicationScoped
public class ProjectionAdminRepository implements PanacheRepositoryBase<RejectedEventEntity, Long> {

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
