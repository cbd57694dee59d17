package fi.tilannekuva.situation.bandchanges.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The units whose bands are owed a comparison (table {@code band_check_pending}). */
@ApplicationScoped
public class PendingBandChecks {

    /** Stands for every unit. */
    static final String EVERY_UNIT = "*";

    /** The transaction-level advisory lock that lets one band check run at a time (across replicas). */
    private static final long CHECK_LOCK = 0x4241_4E44_4348_4543L;

    @Inject
    EntityManager em;

    /**
     * Marks units in the caller's transaction.
     *
     * @param regions the units; null for every unit
     */
    public void mark(Set<String> regions) {
        em.createNativeQuery("insert into band_check_pending (region) select unnest(?1) on conflict do nothing")
                .setParameter(1, regions == null ? new String[] {EVERY_UNIT} : regions.toArray(String[]::new))
                .executeUpdate();
    }

    /**
     * Takes every mark, after the lock that keeps two checks from comparing the same unit at once (one would publish
     * a move the other already published).
     *
     * @return the marked units, null for every unit, empty for none
     */
    @SuppressWarnings("unchecked")
    public Set<String> take() {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) l")
                .setParameter(1, CHECK_LOCK)
                .getSingleResult();
        List<String> taken = em.createNativeQuery("delete from band_check_pending returning region")
                .getResultList();
        return taken.contains(EVERY_UNIT) ? null : new HashSet<>(taken);
    }
}
