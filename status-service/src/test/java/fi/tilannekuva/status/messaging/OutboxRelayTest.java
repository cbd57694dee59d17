package fi.tilannekuva.status.messaging;

import static fi.tilannekuva.status.Reports.item;
import static fi.tilannekuva.status.Reports.post;
import static fi.tilannekuva.status.Reports.round;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.kit.outbox.OutboxStore;
import fi.tilannekuva.kit.testing.Management;
import fi.tilannekuva.local.LocalInfraTestResource;
import fi.tilannekuva.status.StatusEvents;
import fi.tilannekuva.status.TestRoadmaps;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The relay: woken by the commit rather than by its sweep, and one relaying replica at a time. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "status"))
@Order(7)
class OutboxRelayTest {

    @Inject
    OutboxStore outbox;

    @Test
    void anEventLeavesRightAfterItsCommitNotAtTheNextSweep() {
        // The test profile sweeps only every 20 s: an event sent within seconds was sent because the commit woke
        // the relay.
        TestRoadmaps.ensurePublished();
        String unit = "pohjois-karjala";
        post(unit, round(unit, "2021-10-15T09:00:00Z", List.of(item("JO-E-5.9", "ON_SCHEDULE"))))
                .statusCode(201);
        ConsumerRecord<String, String> record = StatusEvents.await(unit, 1).get(0);
        Instant recordedAt = Instant.parse(
                StatusEvents.json(record).get("data").get("recordedAt").asText());
        Duration latency = Duration.between(recordedAt, Instant.ofEpochMilli(record.timestamp()));
        assertTrue(latency.compareTo(Duration.ofSeconds(5)) < 0, "commit to send took " + latency);
    }

    @Test
    void aSecondReplicaCannotTakeTheRelayWhileThisOneHoldsIt() throws Exception {
        given().port(Management.port())
                .get("/q/health/ready")
                .then()
                .body("checks.find { it.name == 'outbox' }.data.relayLeader", equalTo(true));
        try (Connection other = outbox.relayConnection()) {
            assertFalse(outbox.tryLead(other), "another session may not lead while this replica's relay does");
        }
        assertEquals(
                true,
                given().port(Management.port())
                        .get("/q/health/ready")
                        .then()
                        .extract()
                        .path("checks.find { it.name == 'outbox' }.data.relayLeader"));
    }
}
