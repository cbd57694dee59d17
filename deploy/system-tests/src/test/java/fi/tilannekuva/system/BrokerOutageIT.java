package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The Kafka broker stops in the middle of a stream of reports: nothing is refused, nothing is lost. */
@Order(10)
@Disabled(Blocked.STATUS_READS_NO_ROADMAP)
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
            } finally {
                system.infra().kafka().start();
            }
            stream.awaitAccepted(20);
            stream.close();
            assertEquals(List.of(), stream.unexpected(), "every report is accepted, broker or not");
        }
        system.awaitPictureMatchesRecount(Duration.ofSeconds(120));
    }
}
