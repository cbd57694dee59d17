package fi.tilannekuva.situation.partners.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The delivery log, and the events asked for again. */
@ApplicationScoped
public class AttemptRepository implements PanacheRepositoryBase<AttemptEntity, Long> {

    /** A subscription's attempts, newest first, before an attempt id (null: from the newest). */
    public List<AttemptEntity> newestFirst(UUID subscription, Long before, int limit) {
        return (before == null
                        ? find("subscriptionId = ?1 order by id desc", subscription)
                        : find("subscriptionId = ?1 and id < ?2 order by id desc", subscription, before))
                .page(0, limit)
                .list();
    }

    /** Asks for one event to be delivered once more. */
    public void requestRedelivery(UUID subscription, long position, java.time.Instant now) {
        getEntityManager()
                .createNativeQuery("insert into partner_redelivery (subscription_id, position, requested_at)"
                        + " values (?1, ?2, ?3)")
                .setParameter(1, subscription)
                .setParameter(2, position)
                .setParameter(3, now)
                .executeUpdate();
    }

    /** The oldest redelivery asked for, as {id, position}, or null. */
    public long[] nextRedelivery(UUID subscription) {
        List<?> rows = getEntityManager()
                .createNativeQuery("select id, position from partner_redelivery where subscription_id = ?1"
                        + " order by id limit 1")
                .setParameter(1, subscription)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** Removes a redelivery once it was attempted. */
    public void redelivered(long id) {
        getEntityManager()
                .createNativeQuery("delete from partner_redelivery where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }
}
