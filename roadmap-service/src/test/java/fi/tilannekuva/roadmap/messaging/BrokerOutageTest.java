package fi.tilannekuva.roadmap.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.local.LocalInfra;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.roadmap.Documents;
import fi.tilannekuva.roadmap.Publishing;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * While the broker is down a published version waits in the outbox; when it is back the event goes out, before the
 * versions published after it. (Which replica relays is status-service's OutboxRelayTest: one relay, service-kit's.)
 */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "roadmap"))
class BrokerOutageTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBrokerOutageDelaysTheEventAndNeverLosesIt() throws Exception {
        LocalInfra infra = LocalInfra.shared();
        int duringOutage;
        try (KafkaCompanion companion = new KafkaCompanion(infra.bootstrapServers())) {
            infra.kafka().stop();
            try {
                // Publishing does not need the broker: the version and its event commit together.
                duringOutage = Publishing.publish(Documents.small("during an outage"));
                Thread.sleep(2000);
                assertEquals(1, pendingEvents(duringOutage), "the event waits in the outbox");
            } finally {
                infra.kafka().start();
            }
            // The relay retries by itself: the held-back event goes out, and so do newer ones, in order.
            int afterOutage = Publishing.publish(Documents.small("after the outage"));
            assertTrue(recordOf(companion, duringOutage).value().contains("\"label\":\"during an outage\""));
            assertTrue(recordOf(companion, afterOutage).value().contains("\"label\":\"after the outage\""));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pendingEvents(duringOutage) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, pendingEvents(duringOutage), "marked sent once acknowledged");
    }

    private static ConsumerRecord<String, String> recordOf(KafkaCompanion companion, int version) {
        String key = Integer.toString(version);
        return companion
                .consumeStrings()
                .fromTopics(RoadmapPublishedEventTest.TOPIC, records -> records.select()
                        .where(r -> key.equals(r.key()))
                        .select()
                        .first())
                .awaitCompletion(Duration.ofSeconds(60))
                .getFirstRecord();
    }

    private int pendingEvents(int version) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "select count(*) from outbox where message_key = ? and sent_at is null")) {
            statement.setString(1, Integer.toString(version));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
