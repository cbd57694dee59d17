package fi.tilannekuva.situation.partners.repository;

import fi.tilannekuva.kit.sql.ArrayColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The journal of the public topics' events, numbered in commit order: {@link #append} numbers its rows under a
 * transaction lock, so a reader that sees position n has seen every committed position before it, and a cursor
 * ({@code position > n}) never skips a row committed later with a smaller number.
 */
@ApplicationScoped
public class JournalRepository {

    /** The events as the arrays {@link #APPEND} unnests, in its order. */
    private static final ArrayColumns<NewEvent> COLUMNS = new ArrayColumns<NewEvent>()
            .text(NewEvent::eventId)
            .text(NewEvent::type)
            .text(NewEvent::region)
            .text(NewEvent::group)
            .instant(NewEvent::time)
            .text(NewEvent::body);

    /** The transaction-level advisory lock that orders the journal's appends. */
    static final long APPEND_LOCK = 0x7061727472L;

    @Inject
    EntityManager em;

    /** One journaled event. */
    public record JournalEvent(
            long position, String eventId, String type, String region, String group, Instant time, String body) {}

    /** One event to journal. */
    public record NewEvent(String eventId, String type, String region, String group, Instant time, String body) {}

    /**
     * The SQL condition under which subscription {@code s} takes journal event {@code e}: its type is one the
     * subscription names, and it concerns one of its units and groups (or none in particular: a round, a roadmap).
     */
    public static String match(String e, String s) {
        return "%1$s.type = any(%2$s.types) and (cardinality(%2$s.units) = 0 or %1$s.region is null or %1$s.region = any(%2$s.units))"
                        .formatted(e, s)
                + " and (cardinality(%2$s.groups) = 0 or %1$s.grp is null or %1$s.grp = any(%2$s.groups))"
                        .formatted(e, s);
    }

    /**
     * The events {@code e} subscription {@code s} still has to get: after its cursor, of its types, units and groups,
     * and, while a replay since an instant runs, not before that instant.
     */
    public static String pending(String e, String s) {
        return "%1$s.position > %2$s.delivered_position and ".formatted(e, s)
                + match(e, s)
                + " and (%2$s.replay_until is null or %1$s.position > %2$s.replay_until".formatted(e, s)
                + " or %2$s.replay_since is null or %1$s.time >= %2$s.replay_since)".formatted(e, s);
    }

    /**
     * Appends the events not journaled yet (by id), in this order, in the caller's transaction.
     *
     * @return how many were new
     */
    public int append(List<NewEvent> events, Instant now) {
        if (events.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) l")
                .setParameter(1, APPEND_LOCK)
                .getSingleResult();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(APPEND)) {
                statement.setTimestamp(1, Timestamp.from(now));
                COLUMNS.bind(statement, 2, events);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * The events not journaled yet, the first of duplicates, numbered in the order given: one statement for a polled
     * batch.
     */
    private static final String APPEND =
            """
            insert into partner_event (event_id, type, region, grp, time, recorded_at, body)
            select e.event_id, e.type, e.region, e.grp, e.time::timestamptz, ?, e.body
            from (select distinct on (event_id) * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[]) with ordinality as u(event_id, type, region, grp, time, body, ord)
                  order by event_id, ord) e
            order by e.ord
            on conflict (event_id) do nothing""";

    /** The last position committed, 0 for an empty journal. */
    public long last() {
        Number last = (Number) em.createNativeQuery("select coalesce(max(position), 0) from partner_event")
                .getSingleResult();
        return last.longValue();
    }

    /**
     * The next event a webhook subscription is to get: the first after its cursor that it takes, skipping, while a
     * replay since an instant runs, the events before that instant. The cursor is given as a value too, so that the
     * plan is a range scan of the journal's index from it rather than a walk from the journal's start.
     */
    public JournalEvent nextFor(UUID subscription, long cursor) {
        List<?> rows = em.createNativeQuery("select e.position, e.event_id, e.type, e.region, e.grp, e.time, e.body"
                        + " from partner_event e join partner_subscription s on s.id = ?1"
                        + " where e.position > ?2 and " + pending("e", "s") + " order by e.position limit 1")
                .setParameter(1, subscription)
                .setParameter(2, cursor)
                .getResultList();
        return rows.isEmpty() ? null : event((Object[]) rows.get(0));
    }

    /**
     * The events after a position that a subscription takes, of the given types (null: all of its own), oldest first.
     */
    public List<JournalEvent> page(UUID subscription, long after, List<String> types, int limit) {
        var query = em.createNativeQuery("select e.position, e.event_id, e.type, e.region, e.grp, e.time, e.body"
                        + " from partner_event e join partner_subscription s on s.id = ?1"
                        + " where e.position > ?2 and " + match("e", "s")
                        + (types == null ? "" : " and e.type in (?4)")
                        + " order by e.position limit ?3")
                .setParameter(1, subscription)
                .setParameter(2, after)
                .setParameter(3, limit);
        if (types != null) {
            query.setParameter(4, types);
        }
        return query.getResultList().stream().map(row -> event((Object[]) row)).toList();
    }

    /** One event a subscription takes, by its id; null if there is none or the subscription does not take it. */
    public JournalEvent byEventId(UUID subscription, String eventId) {
        List<?> rows = em.createNativeQuery("select e.position, e.event_id, e.type, e.region, e.grp, e.time, e.body"
                        + " from partner_event e join partner_subscription s on s.id = ?1"
                        + " where e.event_id = ?2 and " + match("e", "s"))
                .setParameter(1, subscription)
                .setParameter(2, eventId)
                .getResultList();
        return rows.isEmpty() ? null : event((Object[]) rows.get(0));
    }

    /** One event by position. */
    public JournalEvent at(long position) {
        List<?> rows = em.createNativeQuery("select position, event_id, type, region, grp, time, body"
                        + " from partner_event where position = ?1")
                .setParameter(1, position)
                .getResultList();
        return rows.isEmpty() ? null : event((Object[]) rows.get(0));
    }

    /** The first position, after none, of an event a subscription takes whose time is at or after an instant. */
    public Long firstSince(UUID subscription, Instant since) {
        Number first = (Number) em.createNativeQuery("select min(e.position) from partner_event e"
                        + " join partner_subscription s on s.id = ?1 where e.time >= ?2 and " + match("e", "s"))
                .setParameter(1, subscription)
                .setParameter(2, since)
                .getSingleResult();
        return first == null ? null : first.longValue();
    }

    /** How many events a subscription still has to get: after its cursor, and through a replay's filter. */
    public long backlog(UUID subscription) {
        Number count = (Number) em.createNativeQuery("select count(*) from partner_event e"
                        + " join partner_subscription s on s.id = ?1 where " + pending("e", "s"))
                .setParameter(1, subscription)
                .getSingleResult();
        return count.longValue();
    }

    private static JournalEvent event(Object[] row) {
        return new JournalEvent(
                ((Number) row[0]).longValue(),
                (String) row[1],
                (String) row[2],
                (String) row[3],
                (String) row[4],
                instant(row[5]),
                (String) row[6]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
