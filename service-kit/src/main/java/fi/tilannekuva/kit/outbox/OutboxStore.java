package fi.tilannekuva.kit.outbox;

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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code outbox} table, the same in every service (each service's Flyway migrations create it): rows are appended
 * in the business transaction, ordered by {@code id}, and read by the relay on a long-lived autocommit connection of
 * its own, so that no transaction stays open while it waits for the broker; that session holds the relay lock.
 */
@ApplicationScoped
public class OutboxStore {

    /** The unnested columns of {@link #append}, in its order. */
    private static final ArrayColumns<OutboxMessage> COLUMNS = new ArrayColumns<OutboxMessage>()
            .text(OutboxMessage::eventId)
            .text(OutboxMessage::topic)
            .text(OutboxMessage::key)
            .text(OutboxMessage::payload);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

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

    /**
     * Appends events in the caller's transaction (the data source's connection is enlisted in it), in the given
     * order: their ids ascend in it.
     */
    public void append(List<OutboxMessage> messages, TraceContext trace) {
        if (messages.isEmpty()) {
            return;
        }
        String sql = "insert into outbox (event_id, topic, message_key, payload, created_at, traceparent, tracestate)"
                + " select t.id::uuid, t.topic, t.key, t.payload, now(), ?, ?"
                + " from unnest(?::text[], ?::text[], ?::text[], ?::text[]) with ordinality"
                + " as t(id, topic, key, payload, ord) order by t.ord";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, trace.traceparent());
            s.setString(2, trace.tracestate());
            COLUMNS.bind(s, 3, messages);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + messages.size() + " outbox row(s)", e);
        }
    }

    /**
     * The advisory lock held by the one replica of this service that relays: derived from the application name, so
     * that services sharing a PostgreSQL server never elect each other's relay.
     */
    public long relayLockKey() {
        return 0x4f55540000000000L ^ applicationName.hashCode();
    }

    /** A connection for the relay, outside any transaction. */
    public Connection relayConnection() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    /** Takes the relay lock for the session of {@code c} if no other replica holds it. */
    public boolean tryLead(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            s.setLong(1, relayLockKey());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Gives up the relay lock held by the session of {@code c}. */
    public void releaseLead(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?)")) {
            s.setLong(1, relayLockKey());
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
            s.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
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
