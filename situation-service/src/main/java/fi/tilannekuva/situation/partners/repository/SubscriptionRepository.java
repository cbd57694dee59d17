package fi.tilannekuva.situation.partners.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The partners' subscriptions, and the leases by which one replica at a time delivers to each. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<SubscriptionEntity, UUID> {

    /** Every subscription, or a partner's, oldest first. */
    public List<SubscriptionEntity> listFor(String partner) {
        Sort order = Sort.ascending("createdAt", "id");
        return partner == null ? listAll(order) : list("partner", order, partner);
    }

    /**
     * Leases up to {@code limit} active webhook subscriptions that have something to deliver now (an event after
     * their cursor that they take, or an event asked for again) and that no live lease holds, skipping rows another
     * replica is claiming at this moment.
     *
     * @return the ids leased to {@code owner} until {@code until}
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claim(String owner, Instant now, Instant until, int limit) {
        return getEntityManager()
                .createNativeQuery("update partner_subscription s set lease_owner = ?1, lease_until = ?2"
                        + " where s.id in (select c.id from partner_subscription c"
                        + " where c.state = 'ACTIVE' and c.url is not null"
                        + " and (c.lease_until is null or c.lease_until < ?3)"
                        + " and (exists (select 1 from partner_redelivery r where r.subscription_id = c.id)"
                        + " or ((c.next_attempt_at is null or c.next_attempt_at <= ?3)"
                        + " and exists (select 1 from partner_event e where "
                        + JournalRepository.pending("e", "c") + ")))"
                        + " order by c.next_attempt_at nulls first, c.id limit ?4 for update skip locked)"
                        + " returning s.id")
                .setParameter(1, owner)
                .setParameter(2, until)
                .setParameter(3, now)
                .setParameter(4, limit)
                .getResultList();
    }

    /** The subscription if {@code owner} holds its lease, locked for this transaction; else null. */
    public SubscriptionEntity leased(UUID id, String owner) {
        SubscriptionEntity subscription = findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return subscription != null && owner.equals(subscription.leaseOwner) ? subscription : null;
    }

    /** Lets the lease go, if {@code owner} still holds it. */
    public void release(UUID id, String owner) {
        update("leaseOwner = null, leaseUntil = null where id = ?1 and leaseOwner = ?2", id, owner);
    }
}
