package fi.tilannekuva.situation.projection.repository;

import fi.tilannekuva.kit.sql.ArrayColumns;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hibernate.Session;

/** Current statuses per (unit, subtask) and the append-only event log behind them. */
@ApplicationScoped
public class StatusRepository implements PanacheRepository<CurrentStatusEntity> {

    /** The events of a polled batch as arrays, one element per event in arrival order, unnested by each statement. */
    private static final String BATCH =
            """
            unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                ?::text[], ?::text[], ?::int[]) with ordinality
            as e(event_id, region, subtask, version, status, previous_status, comment, support_needed, reported_at,
                recorded_at, roadmap_version, ord)""";

    /**
     * Logs the batch's events whose (unit, subtask, version) is not logged yet, the first of duplicates, in arrival
     * order, each with its validity's end: the earliest recorded_at among the key's higher versions logged before
     * (V5 migration; the next statement adds those of this batch). The asOf checkpoints at or after the earliest
     * recording logged go with it (V7 migration): they no longer hold what the log says as of their instant.
     */
    private static final String LOG_UNSEEN =
            """
            with logged as (
            insert into status_event (event_id, region, subtask, version, status, previous_status, comment,
                support_needed, reported_at, recorded_at, roadmap_version, superseded_at)
            select e.event_id, e.region, e.subtask, e.version, e.status, e.previous_status, e.comment,
                e.support_needed, e.reported_at::timestamptz, e.recorded_at::timestamptz, e.roadmap_version,
                (select min(h.recorded_at) from status_event h
                 where h.region = e.region and h.subtask = e.subtask and h.version > e.version)
            from (select distinct on (region, subtask, version) * from %s
                  order by region, subtask, version, ord) e
            order by e.ord
            on conflict (region, subtask, version) do nothing
            returning recorded_at)
            delete from status_checkpoint where at >= (select min(recorded_at) from logged)"""
                    .formatted(BATCH);

    /**
     * Ends the validity of every logged version that one of the batch's events supersedes, where that event's
     * recording comes first (idempotent: an end only ever moves earlier).
     */
    private static final String SUPERSEDE_LOWER =
            """
            update status_event h set superseded_at = s.first
            from (select l.id, min(e.recorded_at::timestamptz) as first
                  from %s
                  join status_event l on l.region = e.region and l.subtask = e.subtask and l.version < e.version
                      and (l.superseded_at is null or l.superseded_at > e.recorded_at::timestamptz)
                  group by l.id) s
            where h.id = s.id and (h.superseded_at is null or h.superseded_at > s.first)"""
                    .formatted(BATCH);

    /**
     * Makes the batch's highest version of each (unit, subtask) current unless the stored current record has the same
     * or a higher one: one statement, so two consumers racing on the same key cannot both win.
     */
    private static final String MAKE_CURRENT_IF_NEWER =
            """
            insert into current_status (region, subtask, version, status, comment, support_needed, reported_at,
                recorded_at, roadmap_version, event_id)
            select distinct on (e.region, e.subtask) e.region, e.subtask, e.version, e.status, e.comment,
                e.support_needed, e.reported_at::timestamptz, e.recorded_at::timestamptz, e.roadmap_version, e.event_id
            from %s
            order by e.region, e.subtask, e.version desc, e.ord
            on conflict (region, subtask) do update set version = excluded.version, status = excluded.status,
                comment = excluded.comment, support_needed = excluded.support_needed,
                reported_at = excluded.reported_at, recorded_at = excluded.recorded_at,
                roadmap_version = excluded.roadmap_version, event_id = excluded.event_id
            where current_status.version < excluded.version
            returning region"""
                    .formatted(BATCH);

    /** The validity interval exactly as the V5 migration indexes it (and a rebuild indexes it again). */
    static final String VALIDITY = "tstzrange(recorded_at,"
            + " case when superseded_at is null then null else greatest(recorded_at, superseded_at) end, '[)')";

    /** The rows valid at the instant bound first: the one condition both asOf reads use, so they read the same rows. */
    private static final String VALID_AT = VALIDITY + " @> cast(? as timestamptz)";

    /**
     * What applying a batch changed.
     *
     * @param madeCurrent how many (unit, subtask) keys got a new current record
     * @param regions the units of those keys
     */
    public record Applied(int madeCurrent, Set<String> regions) {}

    /**
     * Applies a batch of events, in three set-based statements whatever its size: every event is logged unless its
     * (unit, subtask, version) is there already; the validity of the versions it supersedes ends; and each key's
     * highest version in the batch is made current unless the stored current record has the same or a higher one.
     * Each key comes out as if its events had been applied one by one, in any order: the log holds each version once,
     * every version's validity ends at the earliest recording of a higher one, and the current record is the highest
     * version seen.
     */
    public Applied apply(List<StatusEventEntity> events) {
        if (events.isEmpty()) {
            return new Applied(0, Set.of());
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement log = connection.prepareStatement(LOG_UNSEEN);
                    PreparedStatement supersede = connection.prepareStatement(SUPERSEDE_LOWER);
                    PreparedStatement current = connection.prepareStatement(MAKE_CURRENT_IF_NEWER)) {
                COLUMNS.bind(log, 1, events);
                log.executeUpdate();
                COLUMNS.bind(supersede, 1, events);
                supersede.executeUpdate();
                COLUMNS.bind(current, 1, events);
                int madeCurrent = 0;
                Set<String> regions = new HashSet<>();
                try (ResultSet result = current.executeQuery()) {
                    while (result.next()) {
                        madeCurrent++;
                        regions.add(result.getString(1));
                    }
                }
                return new Applied(madeCurrent, regions);
            }
        });
    }

    /** The events as the arrays {@link #BATCH} unnests, in its order. */
    private static final ArrayColumns<StatusEventEntity> COLUMNS = new ArrayColumns<StatusEventEntity>()
            .text(e -> e.eventId)
            .text(e -> e.region)
            .text(e -> e.subtask)
            .int8(e -> e.version)
            .text(e -> e.status)
            .text(e -> e.previousStatus)
            .text(e -> e.comment)
            .bool(e -> e.supportNeeded)
            .instant(e -> e.reportedAt)
            .instant(e -> e.recordedAt)
            .int4(e -> e.roadmapVersion);

    /**
     * The current records, of the given units or of all, read as plain rows on the transaction's connection, so they
     * see what the transaction itself has written.
     *
     * @param regions the units, null for every unit
     */
    public List<StatusRow> current(Collection<String> regions) {
        return rows("select " + ROW_COLUMNS + " from current_status" + onlyOf(regions), inRegions(regions));
    }

    /**
     * The current records' unit, subtask, version and status, of the given units or of all, handed to the sink as
     * they are read (see {@link #statusesRecordedBy}).
     *
     * @param regions the units, null for every unit
     */
    public void currentStatuses(Collection<String> regions, StatusSink sink) {
        each("select " + STATUS_COLUMNS + " from current_status" + onlyOf(regions), inRegions(regions), to(sink));
    }

    private static String onlyOf(Collection<String> regions) {
        return regions == null ? "" : " where region = any (?)";
    }

    /** Binds the units of {@link #onlyOf}, if any. */
    private static Binder inRegions(Collection<String> regions) {
        return statement -> {
            if (regions != null) {
                statement.setArray(1, statement.getConnection().createArrayOf("text", regions.toArray()));
            }
        };
    }

    /**
     * The record with the highest version per (unit, subtask) among those recorded at or before the instant: the one
     * whose validity interval holds it, found through the interval's index, so the time follows the number of
     * (unit, subtask) keys and not the history's length.
     */
    public List<StatusRow> latestRecordedBy(Instant instant) {
        return rows("select " + ROW_COLUMNS + " from status_event where " + VALID_AT, validAt(instant));
    }

    /** Receives the rows of {@link #statusesRecordedBy}, one call per row, nothing kept. */
    public interface StatusSink {
        void accept(String region, String subtask, long version, String status);
    }

    /**
     * The same rows as {@link #latestRecordedBy}, with only what counting needs (unit, subtask, version and status),
     * handed to the sink as they are read: the rows a picture counts (100 k at a million events) cross the wire in
     * half the columns and are neither kept in a list nor turned into objects here.
     */
    public void statusesRecordedBy(Instant instant, StatusSink sink) {
        each("select " + STATUS_COLUMNS + " from status_event where " + VALID_AT, validAt(instant), to(sink));
    }

    /**
     * A stored asOf checkpoint (V7 migration).
     *
     * @param at the instant it holds the statuses of: every event recorded at or before it
     * @param roadmapVersion the roadmap version whose grid it is
     * @param layout what its cells mean ({@code StatusGrid.layout()})
     * @param grid the grid, as {@code StatusGrid.checkpoint()} writes it
     */
    public record Checkpoint(Instant at, int roadmapVersion, long layout, byte[] grid) {}

    /**
     * Reads what asOf counts from the latest checkpoint at or before the instant, if its cells mean what the caller's
     * grid's do (the same layout): the checkpoint and the events recorded after it up to the instant, in one statement
     * (one snapshot), in no set order. Reads nothing when there is no such checkpoint.
     *
     * @return whether there was one
     */
    public boolean fromCheckpoint(Instant instant, long layout, Consumer<byte[]> checkpoint, StatusSink sink) {
        boolean[] found = {false};
        each(
                """
                with c as (select at, layout, grid from status_checkpoint where at <= ? order by at desc limit 1)
                select c.grid, null::text, null::text, null::bigint, null::text from c where c.layout = ?
                union all
                select null, e.region, e.subtask, e.version, e.status
                from c join status_event e on e.recorded_at > c.at and e.recorded_at <= ?
                where c.layout = ?""",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(instant));
                    statement.setLong(2, layout);
                    statement.setTimestamp(3, Timestamp.from(instant));
                    statement.setLong(4, layout);
                },
                result -> {
                    byte[] grid = result.getBytes(1);
                    if (grid != null) {
                        found[0] = true;
                        checkpoint.accept(grid);
                    } else {
                        sink.accept(result.getString(2), result.getString(3), result.getLong(4), result.getString(5));
                    }
                });
        return found[0];
    }

    /** The newest checkpoint, if any. */
    public Optional<Checkpoint> latestCheckpoint() {
        List<Checkpoint> latest = new ArrayList<>();
        each(
                "select at, roadmap_version, layout, grid from status_checkpoint order by at desc limit 1",
                statement -> {},
                result -> latest.add(new Checkpoint(
                        result.getTimestamp(1).toInstant(), result.getInt(2), result.getLong(3), result.getBytes(4))));
        return latest.stream().findFirst();
    }

    /**
     * recorded_at of the n-th event in recorded order after an instant, or null if fewer are logged.
     *
     * @param after null for the log's beginning
     */
    public Instant nthRecordedAfter(Instant after, int n) {
        List<Instant> nth = new ArrayList<>();
        each(
                "select recorded_at from status_event" + (after == null ? "" : " where recorded_at > ?")
                        + " order by recorded_at offset ? limit 1",
                statement -> {
                    int next = 1;
                    if (after != null) {
                        statement.setTimestamp(next++, Timestamp.from(after));
                    }
                    statement.setInt(next, n - 1);
                },
                result -> nth.add(result.getTimestamp(1).toInstant()));
        return nth.isEmpty() ? null : nth.get(0);
    }

    /** The events recorded after one instant and at or before another, handed to the sink as they are read. */
    public void statusesRecordedBetween(Instant after, Instant until, StatusSink sink) {
        each(
                "select " + STATUS_COLUMNS + " from status_event where recorded_at > ? and recorded_at <= ?",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(after));
                    statement.setTimestamp(2, Timestamp.from(until));
                },
                to(sink));
    }

    /** Deletes the checkpoint at the instant (one that cannot be read). */
    public void deleteCheckpoint(Instant at) {
        update(
                "delete from status_checkpoint where at = ?",
                statement -> statement.setTimestamp(1, Timestamp.from(at)));
    }

    /** Stores a checkpoint (the caller holds the apply lock: nothing it summarises changes before it commits). */
    public void insertCheckpoint(Checkpoint checkpoint) {
        update("insert into status_checkpoint (at, roadmap_version, layout, grid) values (?, ?, ?, ?)", statement -> {
            statement.setTimestamp(1, Timestamp.from(checkpoint.at()));
            statement.setInt(2, checkpoint.roadmapVersion());
            statement.setLong(3, checkpoint.layout());
            statement.setBytes(4, checkpoint.grid());
        });
    }

    /** Runs one statement that changes rows, on the transaction's connection. */
    private void update(String sql, Binder binder) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                statement.executeUpdate();
            }
        });
    }

    /** What counting reads of a record, in the order {@link StatusSink} takes it. */
    private static final String STATUS_COLUMNS = "region, subtask, version, status";

    private static RowHandler to(StatusSink sink) {
        return result -> sink.accept(result.getString(1), result.getString(2), result.getLong(3), result.getString(4));
    }

    /** The columns of a {@link StatusRow}, in its order. */
    private static final String ROW_COLUMNS =
            "region, subtask, version, status, comment, support_needed, reported_at, recorded_at";

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Binds the instant of {@link #VALID_AT}. */
    private static Binder validAt(Instant instant) {
        return statement -> statement.setTimestamp(1, Timestamp.from(instant));
    }

    private interface RowHandler {
        void handle(ResultSet result) throws SQLException;
    }

    /** A {@link StatusRow} from the columns of {@link #ROW_COLUMNS}. */
    private static StatusRow row(ResultSet result) throws SQLException {
        return new StatusRow(
                result.getString(1),
                result.getString(2),
                result.getLong(3),
                result.getString(4),
                result.getString(5),
                result.getBoolean(6),
                result.getTimestamp(7).toInstant(),
                result.getTimestamp(8).toInstant());
    }

    private List<StatusRow> rows(String sql, Binder binder) {
        List<StatusRow> rows = new ArrayList<>();
        each(sql, binder, result -> rows.add(row(result)));
        return rows;
    }

    private void each(String sql, Binder binder, RowHandler handler) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                statement.setFetchSize(1000);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        handler.handle(result);
                    }
                }
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
