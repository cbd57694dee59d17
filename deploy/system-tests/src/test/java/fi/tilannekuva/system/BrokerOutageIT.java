package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker stops in the middle of a stream of reports: nothing is refused, the backlog shows in
 * status-service's health details, and after the broker returns nothing is lost.
 */
@Order(10)
class BrokerOutageIT {

    private final SystemUnderTest system = SystemUnderTest.shared();

    @Test
    void reportsAreAcceptedWhileTheBrokerIsDownAndEveryOneReachesThePicture() throws Exception {
        system.ensureRoadmap();
        try (ReportStream stream = new ReportStream(system, 101, Duration.ofMillis(40))) {
            stream.awaitAccepted(20);
            system.infra().kafka().stop();
            try {
                stream.awaitAccepted(40);
                SystemUnderTest.sleep(Duration.ofSeconds(8));
                assertTrue(pendingEvents() > 0, "status-service shows its undelivered backlog in its health details");
            } finally {
                system.infra().kafka().start();
            }
            stream.awaitAccepted(20);
            stream.close();
            assertEquals(List.of(), stream.unexpected(), "every report is accepted, broker or not");
        }
        system.awaitPictureMatchesRecount(Duration.ofSeconds(120));
        SystemUnderTest.await("the backlog to drain", Duration.ofSeconds(60), () -> pendingEvents() == 0);
    }

    /** The {@code pending} figure of status-service's outbox health check. */
    private long pendingEvents() {
        for (JsonNode check : new Http(system.services().status().managementUrl())
                .get("/q/health")
                .send()
                .json()
                .path("checks")) {
            if (check.path("name").asText().contains("outbox")) {
                return check.path("data").path("pending").asLong();
            }
        }
        throw new AssertionError("status-service has no outbox health check");
    }
}
