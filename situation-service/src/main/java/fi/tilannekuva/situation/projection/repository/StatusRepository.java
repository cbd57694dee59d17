package fi.tilannekuva.situation.projection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/** Current statuses per (unit, subtask) and the append-only event log behind them. */
@ApplicationScoped
public class StatusRepository implements PanacheRepository<CurrentStatusEntity> {

    /** Appends the event to the log unless this (unit, subtask, version) is there already; true if appended. */
    public boolean logIfUnseen(StatusEventEntity event) {
        return getEntityManager()
                        .createNativeQuery(
                                """
                insert into status_event (event_id, region, subtask, version, status, previous_status, comment,
                    support_needed, reported_at, recorded_at, roadmap_version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                on conflict (region, subtask, version) do nothing""")
                        .setParameter(1, event.eventId)
                        .setParameter(2, event.region)
                        .setParameter(3, event.subtask)
                        .setParameter(4, event.version)
                        .setParameter(5, event.status)
                        .setParameter(6, event.previousStatus)
                        .setParameter(7, event.comment)
                        .setParameter(8, event.supportNeeded)
                        .setParameter(9, Timestamp.from(event.reportedAt))
                        .setParameter(10, Timestamp.from(event.recordedAt))
                        .setParameter(11, event.roadmapVersion)
                        .executeUpdate()
                == 1;
    }

    /**
     * Makes the event current unless the stored current record has the same or a higher version; true if it did.
     * One statement, so two consumers racing on the same key cannot both win.
     */
    public boolean makeCurrentIfNewer(StatusEventEntity event) {
        return getEntityManager()
                        .createNativeQuery(
                                """
                insert into current_status (region, subtask, version, status, comment, support_needed, reported_at,
                    recorded_at, roadmap_version, event_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (region, subtask) do update set version = excluded.version, status = excluded.status,
                    comment = excluded.comment, support_needed = excluded.support_needed,
                    reported_at = excluded.reported_at, recorded_at = excluded.recorded_at,
                    roadmap_version = excluded.roadmap_version, event_id = excluded.event_id
                where current_status.version < excluded.version""")
                        .setParameter(1, event.region)
                        .setParameter(2, event.subtask)
                        .setParameter(3, event.version)
                        .setParameter(4, event.status)
                        .setParameter(5, event.comment)
                        .setParameter(6, event.supportNeeded)
                        .setParameter(7, Timestamp.from(event.reportedAt))
                        .setParameter(8, Timestamp.from(event.recordedAt))
                        .setParameter(9, event.roadmapVersion)
                        .setParameter(10, event.eventId)
                        .executeUpdate()
                == 1;
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

    /** The record with the highest version per (unit, subtask) among those recorded at or before the instant. */
    public List<StatusRow> latestRecordedBy(Instant instant) {
        return rows(
                "select distinct on (region, subtask) " + ROW_COLUMNS
                        + " from status_event where recorded_at <= ? order by region, subtask, version desc",
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
