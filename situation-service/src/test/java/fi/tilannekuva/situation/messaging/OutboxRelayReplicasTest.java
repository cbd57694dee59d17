package fi.tilannekuva.situation.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
import fi.tilannekuva.situation.repository.OutboxRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With several replicas, one relays the band-change outbox at a time: while another replica holds the relay lock,
 * this one sends nothing (no duplicates, no reordering), and once the lock is free the rows leave.
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class OutboxRelayReplicasTest {

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whileAnotherReplicaRelaysThisOneSendsNothingAndTheRowsLeaveOnceItStops() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into outbox_event (id, topic, record_key, payload,"
                        + " created_at) values (?, 'relay-replicas-test', 'lappi', '{}', now())")) {
            s.setObject(1, id);
            s.executeUpdate();
        }
        try (Connection otherReplica = dataSource.getConnection()) {
            lock(otherReplica, "pg_advisory_lock");
            try {
                assertEquals(0, relay.relay(), "nothing is sent while another replica holds the relay lock");
                assertFalse(sent(id), "the row waits for the replica that relays");
            } finally {
                lock(otherReplica, "pg_advisory_unlock");
            }
        }
        // this replica's next relay run (after a commit or the sweep) sends it; call it too so no sweep is waited for
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> {
            relay.relay();
            return sent(id);
        });
    }

    private static void lock(Connection c, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + function + "(?)")) {
            s.setLong(1, OutboxRepository.RELAY_LOCK);
            s.execute();
        }
    }

    private boolean sent(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select sent_at is not null from outbox_event where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
