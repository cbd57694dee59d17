package fi.tilannekuva.status.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What the units did in the rounds: the report items received and the "unchanged" confirmations. */
@ApplicationScoped
public class RoundActivityRepository {

    /** The first time a unit reported or confirmed a subtask in an interval. */
    public record Activity(String region, String subtask, Instant at) {}

    @Inject
    EntityManager entityManager;

    /**
     * Per (unit, subtask) the first report item received in {@code [from, to)} and the round's confirmation, if any,
     * whichever came first.
     */
    @SuppressWarnings("unchecked")
    public List<Activity> firstActivity(String roundId, Instant from, Instant to) {
        List<Object[]> rows = entityManager
                .createNativeQuery("select region, subtask, min(at) from ("
                        + " select region, subtask, received_at as at from report"
                        + "  where received_at >= :from and received_at < :to"
                        + " union all"
                        + " select region, subtask, confirmed_at from round_confirmation where round_id = :round"
                        + ") activity group by region, subtask")
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("round", roundId)
                .getResultList();
        return activities(rows);
    }

    /** Per subtask, the last time the unit reported or confirmed it, ever. */
    @SuppressWarnings("unchecked")
    public List<Activity> lastActivity(String region) {
        List<Object[]> rows = entityManager
                .createNativeQuery("select :region, subtask, max(at) from ("
                        + " select subtask, received_at as at from report where region = :region"
                        + " union all"
                        + " select subtask, confirmed_at from round_confirmation where region = :region"
                        + ") activity group by subtask")
                .setParameter("region", region)
                .getResultList();
        return activities(rows);
    }

    /**
     * Records the unit's "unchanged" for each subtask in the round; a subtask confirmed before in the round keeps its
     * first confirmation.
     *
     * @return how many were new
     */
    public int confirm(String roundId, String region, Collection<String> subtasks, Instant now) {
        int added = 0;
        for (String subtask : subtasks) {
            added += entityManager
                    .createNativeQuery("insert into round_confirmation (round_id, region, subtask, confirmed_at)"
                            + " values (:round, :region, :subtask, :now) on conflict do nothing")
                    .setParameter("round", roundId)
                    .setParameter("region", region)
                    .setParameter("subtask", subtask)
                    .setParameter("now", now)
                    .executeUpdate();
        }
        return added;
    }

    /** A unit's exception to a round. */
    public record Exception(String region, Instant until, String reason, Instant grantedAt, Instant previousUntil) {}

    /** The round's exceptions, by unit. */
    @SuppressWarnings("unchecked")
    public List<Exception> exceptions(String roundId) {
        List<Object[]> rows = entityManager
                .createNativeQuery("select region, until, reason, granted_at, previous_until from round_exception"
                        + " where round_id = :round order by region")
                .setParameter("round", roundId)
                .getResultList();
        return rows.stream()
                .map(row -> new Exception(
                        (String) row[0],
                        instant(row[1]),
                        (String) row[2],
                        instant(row[3]),
                        row[4] == null ? null : instant(row[4])))
                .toList();
    }

    /** Grants or moves a unit's exception; the until it replaces is kept beside it. */
    public void grant(String roundId, String region, Instant until, String reason, Instant now) {
        entityManager
                .createNativeQuery("insert into round_exception (round_id, region, until, reason, granted_at)"
                        + " values (:round, :region, :until, :reason, :now)"
                        + " on conflict (round_id, region) do update set previous_until = round_exception.until,"
                        + " until = excluded.until, reason = excluded.reason, granted_at = excluded.granted_at")
                .setParameter("round", roundId)
                .setParameter("region", region)
                .setParameter("until", until)
                .setParameter("reason", reason)
                .setParameter("now", now)
                .executeUpdate();
    }

    private static List<Activity> activities(List<Object[]> rows) {
        List<Activity> activities = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            activities.add(new Activity((String) row[0], (String) row[1], instant(row[2])));
        }
        return activities;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
