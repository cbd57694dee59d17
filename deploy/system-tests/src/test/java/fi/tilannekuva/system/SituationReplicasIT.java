package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.local.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * situation-service scaled to two replicas in one consumer group: the status-changed partitions are split between
 * them, each applies only its own, and yet both serve the whole national picture, equal to a recount from
 * status-service's tables (each replica's cached pictures follow the other's commits). When one stops, the other takes
 * its partitions back and resumes exactly where the database is.
 */
@Order(12)
class SituationReplicasIT {

    private static final Pattern APPLIED = Pattern.compile(
            "^situation_events_applied_total\\{[^}]*topic=\"status-changed\"[^}]*} ([0-9.E+]+)$", Pattern.MULTILINE);

    private final SystemUnderTest system = SystemUnderTest.shared();

    @Test
    void twoReplicasSplitThePartitionsAndBothServeThePictureOfAll() {
        system.ensureRoadmap();
        Http first = system.situation();
        Http firstManagement = new Http(system.services().situation().managementUrl());
        try (ServiceProcess replica = system.replica("situation-service")) {
            Http second = new Http(replica.baseUrl());
            Http secondManagement = new Http(replica.managementUrl());
            system.progress(second); // the second replica caches the picture as it stands
            double firstBefore = applied(firstManagement);
            double secondBefore = applied(secondManagement);

            try (ReportStream stream = new ReportStream(system, 1212, Duration.ofMillis(20))) {
                stream.awaitAccepted(80);
                stream.close();
                assertEquals(List.of(), stream.unexpected());
            }
            system.awaitPictureMatchesRecount(first, Duration.ofSeconds(90));
            system.awaitPictureMatchesRecount(second, Duration.ofSeconds(30));
            assertTrue(applied(firstManagement) > firstBefore, "the first replica applied events of its partitions");
            assertTrue(applied(secondManagement) > secondBefore, "the second replica applied events of its partitions");
        }

        // one replica again: it takes the stopped replica's partitions back from the offsets in the database
        try (ReportStream stream = new ReportStream(system, 1213, Duration.ofMillis(20))) {
            stream.awaitAccepted(40);
        }
        system.awaitPictureMatchesRecount(Duration.ofSeconds(90));
    }

    private static double applied(Http management) {
        Http.Reply metrics = management.get("/q/metrics").send();
        assertEquals(200, metrics.status(), metrics.toString());
        Matcher m = APPLIED.matcher(metrics.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
