package fi.tilannekuva.situation.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Events waiting to be published. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEventEntity, UUID> {

    /** The advisory lock held by the one replica relaying at a time (an arbitrary constant private to this service). */
    public static final long RELAY_LOCK = 0x534954554154494fL;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Takes the relay lock for this replica if no other replica holds it: a session lock on a connection of its own,
     * given up when the returned handle is closed (or when the replica dies and its session ends).
     *
     * @return the held lock, or null when another replica relays right now
     */
    public RelayLock tryLockRelay() throws SQLException {
        Connection c = dataSource.getConnection();
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            s.setLong(1, RELAY_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return new RelayLock(c);
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        c.close();
        return null;
    }

    /** The relay lock held on its own connection; closing gives it up and returns the connection to the pool. */
    public static final class RelayLock implements AutoCloseable {
        private final Connection connection;

        private RelayLock(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() throws SQLException {
            try (connection;
                    PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                s.setLong(1, RELAY_LOCK);
                s.execute();
            }
        }
    }

    /** The oldest unsent events, oldest first, so a key's events leave in order. */
    public List<OutboxEventEntity> oldestUnsent(int limit) {
        return find("sentAt is null", Sort.ascending("createdAt"))
                .page(Page.ofSize(limit))
                .list();
    }

    /** How many events wait to be published (the backlog gauge). */
    public long countUnsent() {
        return count("sentAt is null");
    }
}
