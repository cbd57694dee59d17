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

/** While the broker is down a published version waits in the outbox; when it is back the event goes out. */
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
        int version;
        infra.kafka().stop();
        try {
            // Publishing does not need the broker: the version and its event commit together.
            version = Publishing.publish(Documents.small("during an outage"));
            Thread.sleep(2000);
            assertEquals(1, pendingEvents(version), "the event waits in the outbox");
        } finally {
            infra.kafka().start();
        }

        try (KafkaCompanion companion = new KafkaCompanion(infra.bootstrapServers())) {
            String key = Integer.toString(version);
            ConsumerRecord<String, String> record = companion
                    .consumeStrings()
                    .fromTopics(RoadmapPublishedEventTest.TOPIC, records -> records.select()
                            .where(r -> key.equals(r.key()))
                            .select()
                            .first())
                    .awaitCompletion(Duration.ofSeconds(60))
                    .getFirstRecord();
            assertTrue(record.value().contains("\"label\":\"during an outage\""));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pendingEvents(version) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, pendingEvents(version), "marked sent once acknowledged");
    }

    private int pendingEvents(int version) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "select count(*) from outbox_event where event_key = ? and sent_at is null")) {
            statement.setString(1, Integer.toString(version));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
