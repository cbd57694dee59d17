package fi.tilannekuva.situation.bandchanges.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.outbox.OutboxRelay;
import fi.tilannekuva.kit.outbox.OutboxStore;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.situation.TenTwentyOne;
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
 * With several replicas, one relays the band-change outbox at a time (service-kit's relay, elected by a PostgreSQL
 * session lock): while this replica relays no other session can take the lock (no duplicates, no reordering), and rows
 * another replica committed, which woke no relay here, still leave at the next sweep.
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
    OutboxStore outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void oneReplicaRelaysAtATimeAndRowsOtherReplicasWroteStillLeave() throws SQLException {
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), relay::isLeader);
        try (Connection otherReplica = outbox.relayConnection()) {
            assertFalse(outbox.tryLead(otherReplica), "another replica may not relay while this one does");
        }
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into outbox (event_id, topic, message_key, payload,"
                        + " created_at) values (?, 'relay-replicas-test', 'lappi', '{}', now())")) {
            s.setObject(1, id);
            s.executeUpdate();
        }
        // written as another replica would, without waking this relay: the sweep sends it
        TenTwentyOne.awaitTrue(Duration.ofSeconds(30), () -> sent(id));
        assertTrue(relay.isLeader());
    }

    private boolean sent(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select sent_at is not null from outbox where event_id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
