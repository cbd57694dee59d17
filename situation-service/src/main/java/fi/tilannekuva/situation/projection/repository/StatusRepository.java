package fi.tilannekuva.situation.projection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/** Current statuses per (unit, subtask) and the append-only event log behind them. */
@ApplicationScoped
public class StatusRepository implements PanacheRepository<CurrentStatusEntity> {

    /** Logged with its validity's end: the earliest recorded_at among the key's higher versions (V5 migration). */
    private static final String LOG_IF_UNSEEN =
            """
            insert into status_event (event_id, region, subtask, version, status, previous_status, comment,
                support_needed, reported_at, recorded_at, roadmap_version, superseded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                (select min(h.recorded_at) from status_event h
                 where h.region = ? and h.subtask = ? and h.version > ?))
            on conflict (region, subtask, version) do nothing""";

    /** Ends the validity of the key's lower versions where this event's recording comes first (idempotent). */
    private static final String SUPERSEDE_LOWER =
            """
            update status_event set superseded_at = ?
            where region = ? and subtask = ? and version < ? and (superseded_at is null or superseded_at > ?)""";

    /** The validity interval exactly as the V5 migration indexes it. */
    private static final String VALIDITY = "tstzrange(recorded_at,"
            + " case when superseded_at is null then null else greatest(recorded_at, superseded_at) end, '[)')";

    /** One statement per event, so two consumers racing on the same key cannot both win. */
    private static final String MAKE_CURRENT_IF_NEWER =
            """
            insert into current_status (region, subtask, version, status, comment, support_needed, reported_at,
                recorded_at, roadmap_version, event_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (region, subtask) do update set version = excluded.version, status = excluded.status,
                comment = excluded.comment, support_needed = excluded.support_needed,
                reported_at = excluded.reported_at, recorded_at = excluded.recorded_at,
                roadmap_version = excluded.roadmap_version, event_id = excluded.event_id
            where current_status.version < excluded.version""";

    /**
     * Applies events in their order: each is appended to the log unless its (unit, subtask, version) is there already,
     * ends the validity of the key's lower versions it supersedes, and is made current unless the stored current record
     * has the same or a higher version. Still a statement per event and step, but sent as three JDBC batches (one round
     * trip each, not three per event). Every event is logged before any validity is ended, and the current table never
     * depends on the log nor the log on it, so each key comes out as if its events had been applied one by one.
     *
     * @return per event, in order, whether it became current (true also where the driver could not tell)
     */
    public boolean[] apply(List<StatusEventEntity> events) {
        if (events.isEmpty()) {
            return new boolean[0];
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            batch(connection, LOG_IF_UNSEEN, events, event -> new Object[] {
                event.eventId,
                event.region,
                event.subtask,
                event.version,
                event.status,
                event.previousStatus,
                event.comment,
                event.supportNeeded,
                Timestamp.from(event.reportedAt),
                Timestamp.from(event.recordedAt),
                event.roadmapVersion,
                event.region,
                event.subtask,
                event.version
            });
            batch(connection, SUPERSEDE_LOWER, events, event -> new Object[] {
                Timestamp.from(event.recordedAt),
                event.region,
                event.subtask,
                event.version,
                Timestamp.from(event.recordedAt)
            });
            int[] counts = batch(connection, MAKE_CURRENT_IF_NEWER, events, event -> new Object[] {
                event.region,
                event.subtask,
                event.version,
                event.status,
                event.comment,
                event.supportNeeded,
                Timestamp.from(event.reportedAt),
                Timestamp.from(event.recordedAt),
                event.roadmapVersion,
                event.eventId
            });
            boolean[] madeCurrent = new boolean[counts.length];
            for (int i = 0; i < counts.length; i++) {
                madeCurrent[i] = counts[i] != 0;
            }
            return madeCurrent;
        });
    }

    /** One statement, its parameters taken from each event in turn, sent as one JDBC batch; the update counts. */
    private static int[] batch(
            Connection connection,
            String sql,
            List<StatusEventEntity> events,
            java.util.function.Function<StatusEventEntity, Object[]> parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (StatusEventEntity event : events) {
                Object[] values = parameters.apply(event);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        statement.setNull(i + 1, Types.NULL); // the column's type, as the statement says
                    } else {
                        statement.setObject(i + 1, values[i]);
                    }
                }
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /**
     * The current records, of the given units or of all, read as plain rows on the transaction's connection: they see
     * what the transaction itself has just written (the band check runs before its commit).
     *
     * @param regions the units, null for every unit
     */
    public List<StatusRow> current(Collection<String> regions) {
        String sql =
                "select " + ROW_COLUMNS + " from current_status" + (regions == null ? "" : " where region = any (?)");
        return rows(sql, statement -> {
            if (regions != null) {
                statement.setArray(1, statement.getConnection().createArrayOf("text", regions.toArray()));
            }
        });
    }

    /**
     * The record with the highest version per (unit, subtask) among those recorded at or before the instant: the one
     * whose validity interval holds it, found through the interval's index, so the time follows the number of
     * (unit, subtask) keys and not the history's length.
     */
    public List<StatusRow> latestRecordedBy(Instant instant) {
        return rows(
                "select " + ROW_COLUMNS + " from status_event where " + VALIDITY + " @> cast(? as timestamptz)",
                statement -> statement.setTimestamp(1, Timestamp.from(instant)));
    }

    /** The columns of a {@link StatusRow}, in its order. */
    private static final String ROW_COLUMNS =
            "region, subtask, version, status, comment, support_needed, reported_at, recorded_at";

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<StatusRow> rows(String sql, Binder binder) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                statement.setFetchSize(1000);
                List<StatusRow> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(new StatusRow(
                                result.getString(1),
                                result.getString(2),
                                result.getLong(3),
                                result.getString(4),
                                result.getString(5),
                                result.getBoolean(6),
                                result.getTimestamp(7).toInstant(),
                                result.getTimestamp(8).toInstant()));
                    }
                }
                return rows;
            }
        });
    }

    /** recordedAt of the newest event applied, optionally only among those recorded by an instant. */
    public Instant newestRecordedAt(Instant by) {
        return getEntityManager()
                .createQuery(
                        "select max(e.recordedAt) from StatusEventEntity e where e.recordedAt <= :by", Instant.class)
                .setParameter("by", by == null ? Instant.parse("9999-12-31T00:00:00Z") : by)
                .getSingleResult();
    }

    /** The units that recorded at least one status event at or after the instant (the current round's reporters). */
    public List<String> regionsReportedSince(Instant since) {
        return getEntityManager()
                .createQuery(
                        "select distinct e.region from StatusEventEntity e where e.recordedAt >= :since", String.class)
                .setParameter("since", since)
                .getResultList();
    }

    /** The units with a status event recorded in {@code [since, until]}. */
    public List<String> regionsReportedBetween(Instant since, Instant until) {
        return getEntityManager()
                .createQuery(
                        "select distinct e.region from StatusEventEntity e"
                                + " where e.recordedAt >= :since and e.recordedAt <= :until",
                        String.class)
                .setParameter("since", since)
                .setParameter("until", until)
                .getResultList();
    }
}
