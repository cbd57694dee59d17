package fi.tilannekuva.status.repository;

import fi.tilannekuva.kit.sql.ArrayColumns;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The write path of reports in bulk: a whole round is a handful of set-based statements ({@code unnest} of arrays)
 * instead of thousands of single-row inserts through the ORM. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ReportBatchWriter {

    /** The high half of the advisory lock keys that serialise the writes of one unit. */
    private static final long UNIT_LOCK_NAMESPACE = 0x53544154L << 32;

    @Inject
    AgroalDataSource dataSource;

    /** An item to append to the history. */
    public record NewReport(String subtask, String status, String comment, boolean supportNeeded, Instant reportedAt) {}

    /** The current record of a subtask as far as the write path needs it. */
    public record Current(String status, Instant reportedAt, int version) {}

    /** A new current record. */
    public record NewCurrent(
            String subtask,
            String group,
            long reportId,
            String status,
            String comment,
            boolean supportNeeded,
            Instant reportedAt,
            int version) {}

    /** The unnested columns of {@link #insertReports}, in its order. */
    private static final ArrayColumns<NewReport> REPORT_COLUMNS = new ArrayColumns<NewReport>()
            .text(NewReport::subtask)
            .text(NewReport::status)
            .text(NewReport::comment)
            .bool(NewReport::supportNeeded)
            .instant(NewReport::reportedAt);

    /** The unnested columns of {@link #upsertCurrent}, in its order. */
    private static final ArrayColumns<NewCurrent> CURRENT_COLUMNS = new ArrayColumns<NewCurrent>()
            .text(NewCurrent::subtask)
            .text(NewCurrent::group)
            .int8(NewCurrent::reportId)
            .text(NewCurrent::status)
            .text(NewCurrent::comment)
            .bool(NewCurrent::supportNeeded)
            .instant(NewCurrent::reportedAt)
            .int4(NewCurrent::version);

    /**
     * Waits for and takes the transaction-scoped lock of a unit, so that concurrent reports of one unit apply one
     * after the other and versions stay strictly increasing. Released at commit or rollback.
     */
    public void lockUnit(String region) {
        long key = UNIT_LOCK_NAMESPACE | (region.hashCode() & 0xffffffffL);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            s.setLong(1, key);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock unit " + region, e);
        }
    }

    /** Appends items to the history; returns each new row's id by subtask (a subtask occurs once per report). */
    public Map<String, Long> insertReports(
            String region, int roadmapVersion, List<NewReport> reports, Instant receivedAt) {
        String sql = "insert into report (region, subtask, roadmap_version, status, comment, support_needed,"
                + " reported_at, received_at)"
                + " select ?, t.subtask, ?, t.status, t.comment, t.support, t.reported::timestamptz, ?"
                + " from unnest(?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[])"
                + " as t(subtask, status, comment, support, reported)"
                + " returning id, subtask";
        Map<String, Long> ids = new HashMap<>(reports.size() * 2);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, region);
            s.setInt(2, roadmapVersion);
            s.setObject(3, utc(receivedAt));
            REPORT_COLUMNS.bind(s, 4, reports);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the report items of " + region, e);
        }
        return ids;
    }

    /** The current records of some subtasks of a unit, by subtask; absent when a subtask has none yet. */
    public Map<String, Current> currentOf(String region, Collection<String> subtasks) {
        Map<String, Current> current = new HashMap<>(subtasks.size() * 2);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select subtask, status, reported_at, version"
                        + " from current_status where region = ? and subtask = any(?)")) {
            s.setString(1, region);
            s.setArray(2, c.createArrayOf("text", subtasks.toArray(String[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    current.put(
                            rs.getString(1),
                            new Current(
                                    rs.getString(2),
                                    rs.getObject(3, OffsetDateTime.class).toInstant(),
                                    rs.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the current statuses of " + region, e);
        }
        return current;
    }

    /**
     * Writes new current records. A row is only replaced by the version right after its own, a guard that the unit
     * lock makes hold anyway.
     *
     * @throws IllegalStateException when a row was not at the expected version
     */
    public void upsertCurrent(String region, int roadmapVersion, List<NewCurrent> rows, Instant recordedAt) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "insert into current_status (region, subtask, group_code, report_id, roadmap_version, status,"
                + " comment, support_needed, reported_at, recorded_at, version)"
                + " select ?, t.subtask, t.grp, t.report_id, ?, t.status, t.comment, t.support,"
                + " t.reported::timestamptz, ?, t.version"
                + " from unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::text[],"
                + " ?::int[]) as t(subtask, grp, report_id, status, comment, support, reported, version)"
                + " on conflict (region, subtask) do update set group_code = excluded.group_code,"
                + " report_id = excluded.report_id, roadmap_version = excluded.roadmap_version,"
                + " status = excluded.status, comment = excluded.comment, support_needed = excluded.support_needed,"
                + " reported_at = excluded.reported_at, recorded_at = excluded.recorded_at, version = excluded.version"
                + " where current_status.version = excluded.version - 1";
        int n = rows.size();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, region);
            s.setInt(2, roadmapVersion);
            s.setObject(3, utc(recordedAt));
            CURRENT_COLUMNS.bind(s, 4, rows);
            int written = s.executeUpdate();
            if (written != n) {
                throw new IllegalStateException(
                        "concurrent change of the current statuses of " + region + ": wrote " + written + " of " + n);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the current statuses of " + region, e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
