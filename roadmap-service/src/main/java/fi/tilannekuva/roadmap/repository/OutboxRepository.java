package fi.tilannekuva.roadmap.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The outbox of events not yet acknowledged by Kafka. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEventEntity, UUID> {

    /**
     * The oldest pending events, locked for this transaction. {@code SKIP LOCKED} lets a second replica's relay
     * take other rows instead of waiting or sending the same rows twice.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEventEntity> lockOldestPending(int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from outbox_event where sent_at is null order by created_at, event_key"
                                + " limit :limit for update skip locked",
                        OutboxEventEntity.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** How many events wait for the broker. */
    public long countPending() {
        return count("sentAt is null");
    }
}
