package fi.tilannekuva.status.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** The contacts the ministry keeps per unit, and the reminders claimed for sending. */
@ApplicationScoped
public class ReminderRepository {

    /** One address and the language to write to it in. */
    public record Contact(String email, String language) {}

    @Inject
    EntityManager entityManager;

    /** The unit's contacts, by address. */
    @SuppressWarnings("unchecked")
    public List<Contact> contacts(String region) {
        List<Object[]> rows = entityManager
                .createNativeQuery("select email, language from unit_contact where region = :region order by email")
                .setParameter("region", region)
                .getResultList();
        return rows.stream()
                .map(row -> new Contact((String) row[0], (String) row[1]))
                .toList();
    }

    /** Replaces the unit's contacts. */
    public void replaceContacts(String region, List<Contact> contacts) {
        entityManager
                .createNativeQuery("delete from unit_contact where region = :region")
                .setParameter("region", region)
                .executeUpdate();
        for (Contact contact : contacts) {
            entityManager
                    .createNativeQuery("insert into unit_contact (region, email, language) values (:r, :e, :l)")
                    .setParameter("r", region)
                    .setParameter("e", contact.email())
                    .setParameter("l", contact.language())
                    .executeUpdate();
        }
    }

    /**
     * Claims a reminder: true for the one caller that takes it, false for every other (another replica, a restart).
     */
    public boolean claim(String round, String region, String kind, int recipients, Instant now) {
        return entityManager
                        .createNativeQuery("insert into round_reminder (round_id, region, kind, claimed_at, recipients)"
                                + " values (:round, :region, :kind, :now, :recipients) on conflict do nothing")
                        .setParameter("round", round)
                        .setParameter("region", region)
                        .setParameter("kind", kind)
                        .setParameter("now", now)
                        .setParameter("recipients", recipients)
                        .executeUpdate()
                == 1;
    }

    /** Notes that a claimed reminder's mail could not be sent (it is not retried: never twice). */
    public void failed(String round, String region, String kind, String failure) {
        entityManager
                .createNativeQuery("update round_reminder set failure = :failure"
                        + " where round_id = :round and region = :region and kind = :kind")
                .setParameter("failure", failure.length() > 500 ? failure.substring(0, 500) : failure)
                .setParameter("round", round)
                .setParameter("region", region)
                .setParameter("kind", kind)
                .executeUpdate();
    }
}
