package fi.tilannekuva.situation.picture.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The movement split of CONTRACT.md: a roadmap revision, the units' reports and the window each get their part. */
class MovementTest {

    private static final LocalDate FROM = LocalDate.parse("2021-04-01");
    private static final LocalDate TO = LocalDate.parse("2021-12-31");
    private static final Unit LAPPI = new Unit("lappi", Map.of("fi", "Lappi"), "WELLBEING_SERVICES_COUNTY", false);

    private static RoadmapSubtask critical(String id, String from, String to) {
        return new RoadmapSubtask(
                id, Group.JO, Map.of("fi", id), true, LocalDate.parse(from), LocalDate.parse(to), null);
    }

    private static Roadmap roadmap(int version, RoadmapSubtask... subtasks) {
        return new Roadmap(
                version, "v" + version, Instant.parse("2021-06-01T00:00:00Z"), List.of(LAPPI), List.of(subtasks));
    }

    private static Picture picture(Roadmap roadmap, String... started) {
        Map<String, StatusRecord> ofUnit = new HashMap<>();
        Instant at = Instant.parse("2021-10-15T09:00:00Z");
        for (String id : started) {
            ofUnit.put(id, new StatusRecord("lappi", id, 1, Status.IN_PROGRESS, null, false, at, at));
        }
        return new Picture(roadmap, Map.of("lappi", ofUnit), Set.of("lappi"), at, LocalDate.parse("2021-10-31"));
    }

    private static final RoadmapSubtask ONE = critical("JO-A-1.1", "2021-07-01", "2021-12-31");
    private static final RoadmapSubtask TWO = critical("JO-A-1.2", "2021-07-01", "2021-12-31");
    private static final RoadmapSubtask THREE = critical("JO-A-1.3", "2021-07-01", "2021-12-31");

    @Test
    void aRevisionAddingASubtaskIsTheRoadmapsPartNotTheUnits() {
        Picture a = picture(roadmap(1, ONE, TWO), "JO-A-1.1");
        // The revision adds a third critical subtask; the unit starts the second meanwhile.
        Picture b = picture(roadmap(2, ONE, TWO, THREE), "JO-A-1.1", "JO-A-1.2");
        Movement.Split split =
                Movement.progress(a, FROM, TO, b, FROM, TO).get("lappi").get(Group.JO);
        // 50 % (1/2) → 67 % (2/3): the revision alone makes 33 % (1/3), the unit's report 67 %.
        assertEquals(new Movement.Split(50, 67, 17, -17, 34, 0), split);
        assertEquals(split.total(), split.roadmap() + split.reported() + split.window());
    }

    @Test
    void aSlippingUnitUnderAnUnchangedRoadmapIsAllReported() {
        Picture a = picture(roadmap(1, ONE, TWO), "JO-A-1.1", "JO-A-1.2");
        Picture b = picture(roadmap(1, ONE, TWO), "JO-A-1.1");
        assertEquals(
                new Movement.Split(100, 50, -50, 0, -50, 0),
                Movement.progress(a, FROM, TO, b, FROM, TO).get("lappi").get(Group.JO));
    }

    @Test
    void aMovingWindowIsTheWindowsPart() {
        RoadmapSubtask early = critical("JO-A-1.4", "2021-04-01", "2021-06-30");
        Roadmap roadmap = roadmap(1, ONE, early);
        Picture a = picture(roadmap, "JO-A-1.4");
        Picture b = picture(roadmap, "JO-A-1.4");
        // The window moves from the whole of 2021 to its second half: the started early subtask drops out.
        Movement.Split split = Movement.progress(a, FROM, TO, b, LocalDate.parse("2021-07-01"), TO)
                .get("lappi")
                .get(Group.JO);
        assertEquals(new Movement.Split(50, 0, -50, 0, 0, -50), split);
    }

    @Test
    void aUnitThatHadNotReportedHasNoParts() {
        Picture a = new Picture(roadmap(1, ONE, TWO), Map.of(), Set.of(), null, LocalDate.parse("2021-10-31"));
        Picture b = picture(roadmap(1, ONE, TWO), "JO-A-1.1");
        Movement.Split split =
                Movement.progress(a, FROM, TO, b, FROM, TO).get("lappi").get(Group.JO);
        assertEquals(new Movement.Split(null, 50, null, null, null, 0), split);
    }
}
