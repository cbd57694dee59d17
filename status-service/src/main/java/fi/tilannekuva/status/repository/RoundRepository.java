package fi.tilannekuva.status.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The round calendar. */
@ApplicationScoped
public class RoundRepository implements PanacheRepositoryBase<RoundEntity, String> {

    /** Every round, the latest opening first. */
    public List<RoundEntity> latestFirst() {
        return listAll(Sort.descending("opensAt"));
    }

    /** The round open at an instant (opened, not closed, not cancelled), if any. */
    public java.util.Optional<RoundEntity> openAt(Instant instant) {
        return find("cancelledAt is null and opensAt <= ?1 and closesAt > ?1", instant)
                .firstResultOptional();
    }

    /** The rounds opened by an instant and not cancelled, the earliest first. */
    public List<RoundEntity> openedBy(Instant instant) {
        return list("cancelledAt is null and opensAt <= ?1", Sort.ascending("opensAt"), instant);
    }

    /** The planned (not cancelled) rounds whose [opensAt, closesAt) overlaps the interval, other than {@code except}. */
    public List<RoundEntity> overlapping(Instant opensAt, Instant closesAt, String except) {
        return list(
                "cancelledAt is null and opensAt < ?1 and closesAt > ?2 and id <> ?3",
                closesAt,
                opensAt,
                except == null ? "" : except);
    }

    /**
     * Marks the rounds whose event is due as announced, atomically: of two replicas asking at once, each round goes to
     * one of them. The caller writes the events in the same transaction.
     *
     * @param column {@code opened_announced_at}, {@code due_soon_announced_at} or {@code closed_announced_at}
     * @param instantColumn the instant that makes the event due: {@code opens_at}, {@code due_at}, {@code closes_at}
     * @param dueBy the event is due when that instant is at or before this one
     * @param onlyOpened also only when the round has opened by {@code now}
     * @return the ids of the rounds marked now
     */
    @SuppressWarnings("unchecked")
    public List<String> markDue(String column, String instantColumn, Instant dueBy, Instant now, boolean onlyOpened) {
        if (!List.of("opened_announced_at", "due_soon_announced_at", "closed_announced_at")
                        .contains(column)
                || !List.of("opens_at", "due_at", "closes_at").contains(instantColumn)) {
            throw new IllegalArgumentException(column + " / " + instantColumn);
        }
        return getEntityManager()
                .createNativeQuery("update reporting_round set " + column + " = :now where " + column
                        + " is null and cancelled_at is null and " + instantColumn + " <= :dueBy"
                        + (onlyOpened ? " and opens_at <= :now" : "") + " returning id")
                .setParameter("now", now)
                .setParameter("dueBy", dueBy)
                .getResultList();
    }
}
