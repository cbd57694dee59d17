package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.tilannekuva.local.ServiceProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** situation-service is killed with SIGKILL several times while reports stream in: it loses and double-counts nothing. */
@Order(11)
class SituationKillIT {

    private final SystemUnderTest system = SystemUnderTest.shared();

    @Test
    void thePictureSurvivesThreeKillsMidStreamWithoutLossOrDoubleCounting() throws Exception {
        system.ensureRoadmap();
        ServiceProcess situation = system.services().situation();
        try (ReportStream stream = new ReportStream(system, 202, Duration.ofMillis(30))) {
            for (int kill = 0; kill < 3; kill++) {
                stream.awaitAccepted(15);
                situation.kill();
                stream.awaitAccepted(10);
                system.start(situation);
            }
            stream.awaitAccepted(15);
            stream.close();
            assertEquals(List.of(), stream.unexpected(), "status-service accepts reports whatever situation does");
        }
        system.awaitPictureMatchesRecount(Duration.ofSeconds(120));
    }
}
