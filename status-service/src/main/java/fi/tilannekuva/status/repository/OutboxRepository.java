package fi.tilannekuva.status.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The relay's side of the outbox. The relay works on one long-lived connection of its own, in autocommit, so that
 * no transaction stays open while it waits for the broker; its session holds the relay leader lock.
 */
@ApplicationScoped
public class OutboxRepository {

    /** The advisory lock held by the one replica that relays (an arbitrary constant private to this service). */
    private static final long RELAY_LEADER_LOCK = 0x5354415455534f42L;

    @Inject
    AgroalDataSource dataSource;

    /** An unsent event, with the trace context of the request that wrote it (null fields when none). */
    public record PendingEvent(
            long id, String topic, String key, String payload, String traceparent, String tracestate) {}

    /**
     * How far the relay is behind.
     *
     * @param pending unsent rows
     * @param oldestCreatedAt when the oldest unsent row was written, or null
     */
    public record Backlog(long pending, Instant oldestCreatedAt) {}

    /** A connection for the relay, outside any transaction. */
    public Connection relayConnection() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    /** Takes the relay leader lock for the session of {@code c} if no other replica holds it. */
    public boolean tryLead(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            s.setLong(1, RELAY_LEADER_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Gives up the relay leader lock held by the session of {@code c}. */
    public void releaseLead(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?)")) {
            s.setLong(1, RELAY_LEADER_LOCK);
            s.execute();
        }
    }

    /** The oldest unsent rows, in the order they were written. */
    public List<PendingEvent> oldestUnsent(Connection c, int limit) throws SQLException {
        List<PendingEvent> rows = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("select id, topic, message_key, payload, traceparent, tracestate from outbox"
                        + " where sent_at is null order by id limit ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PendingEvent(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)));
                }
            }
        }
        return rows;
    }

    /** Marks rows sent once the broker has acknowledged them. */
    public void markSent(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update outbox set sent_at = now() where id = any(?)")) {
            s.setArray(1, c.createArrayOf("int8", ids.toArray(Long[]::new)));
            s.executeUpdate();
        }
    }

    /** Deletes rows sent before {@code before}; returns how many. */
    public int deleteSentBefore(Connection c, Instant before) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from outbox where sent_at is not null and sent_at < ?")) {
            s.setObject(1, ReportBatchWriter.utc(before));
            return s.executeUpdate();
        }
    }

    /** The current backlog, read on a pooled connection (health checks, metrics). */
    public Backlog backlog() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select count(*), min(created_at) from outbox where sent_at is null");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox backlog", e);
        }
    }
}
