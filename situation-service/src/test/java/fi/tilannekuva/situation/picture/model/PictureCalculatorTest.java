package fi.tilannekuva.situation.picture.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.situation.Band;
import fi.tilannekuva.situation.picture.api.ProgressCell;
import fi.tilannekuva.situation.picture.api.ReadinessCell;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Progress and readiness counted as CONTRACT.md defines them. */
class PictureCalculatorTest {

    private static final LocalDate FROM = LocalDate.parse("2021-04-01");
    private static final LocalDate TO = LocalDate.parse("2021-12-31");
    private static final LocalDate DEADLINE = LocalDate.parse("2023-01-01");

    private static RoadmapSubtask subtask(
            String id, Group group, boolean critical, String from, String to, Set<String> appliesTo) {
        return new RoadmapSubtask(
                id, group, Map.of("fi", id), critical, LocalDate.parse(from), LocalDate.parse(to), appliesTo);
    }

    private static final Roadmap ROADMAP = new Roadmap(
            1,
            "test",
            Instant.parse("2021-06-01T00:00:00Z"),
            List.of(
                    new Unit("lappi", Map.of("fi", "Lappi"), "WELLBEING_SERVICES_COUNTY", false),
                    new Unit("helsinki", Map.of("fi", "Helsinki"), "CITY", true),
                    new Unit("hus", Map.of("fi", "HUS"), "HOSPITAL_DISTRICT", true)),
            List.of(
                    subtask("JO-A-1.1", Group.JO, true, "2021-07-01", "2021-12-31", null),
                    subtask("JO-A-1.2", Group.JO, true, "2021-07-01", "2021-12-31", null),
                    subtask("JO-A-1.3", Group.JO, true, "2021-01-01", "2021-03-31", null), // before the window
                    subtask("JO-A-1.4", Group.JO, true, "2023-03-01", "2023-06-30", null), // after the deadline
                    subtask("JO-B-1.1", Group.JO, false, "2021-07-01", "2021-12-31", null), // not critical
                    subtask("PJ-H-1.1", Group.PJ, true, "2021-12-31", "2022-06-30", Set.of("helsinki"))));

    private static StatusRecord status(String region, String subtask, Status status) {
        Instant at = Instant.parse("2021-10-15T09:00:00Z");
        return new StatusRecord(region, subtask, 1, status, null, false, at, at);
    }

    private static Picture picture(StatusRecord... records) {
        Map<String, Map<String, StatusRecord>> statuses = new HashMap<>();
        for (StatusRecord record : records) {
            statuses.computeIfAbsent(record.region(), r -> new HashMap<>()).put(record.subtask(), record);
        }
        return new Picture(ROADMAP, statuses, statuses.keySet(), null, LocalDate.parse("2021-10-31"));
    }

    @Test
    void delayedStatusCountsAsStarted() {
        ProgressCell cell = PictureCalculator.progress(
                        picture(status("lappi", "JO-A-1.1", Status.DELAYED)), FROM, TO, null)
                .rows()
                .get(2)
                .cells()
                .get(Group.JO);
        assertEquals(new ProgressCell(2, 1, 50, Band.FROM_50_TO_75), cell);
    }

    @Test
    void onlyCriticalSubtasksOverlappingTheWindowAreTracked() {
        ProgressCell cell = PictureCalculator.progress(
                        picture(status("lappi", "JO-A-1.3", Status.DONE), status("lappi", "JO-B-1.1", Status.DONE)),
                        FROM,
                        TO,
                        null)
                .rows()
                .get(2)
                .cells()
                .get(Group.JO);
        assertEquals(new ProgressCell(2, 0, 0, Band.UNDER_25), cell);
    }

    @Test
    void aSubtaskForHelsinkiOnlyIsTrackedForHelsinkiOnly() {
        var view = PictureCalculator.progress(
                picture(
                        status("lappi", "JO-A-1.1", Status.NOT_STARTED),
                        status("helsinki", "PJ-H-1.1", Status.IN_PROGRESS)),
                FROM,
                TO,
                null);
        assertEquals("helsinki", view.rows().get(0).region());
        assertEquals(
                new ProgressCell(1, 1, 100, Band.OVER_75),
                view.rows().get(0).cells().get(Group.PJ));
        assertEquals(
                new ProgressCell(0, 0, null, null), view.rows().get(2).cells().get(Group.PJ));
    }

    @Test
    void aUnitThatNeverReportedHasNoPercentagesAndIsLeftOutOfTheNationalRow() {
        var view = PictureCalculator.progress(picture(status("lappi", "JO-A-1.1", Status.DONE)), FROM, TO, null);
        var hus = view.rows().get(1);
        assertEquals("hus", hus.region());
        assertFalse(hus.reported());
        assertEquals(new ProgressCell(2, null, null, null), hus.cells().get(Group.JO));
        assertEquals(
                new ProgressCell(2, 1, 50, Band.FROM_50_TO_75),
                view.national().cells().get(Group.JO));
    }

    @Test
    void readinessCountsDoneAndInProgressOverSubtasksBeginningBeforeTheDeadline() {
        ReadinessCell cell = PictureCalculator.readiness(
                        picture(
                                status("lappi", "JO-A-1.1", Status.DONE),
                                status("lappi", "JO-A-1.2", Status.ON_SCHEDULE),
                                status("lappi", "JO-A-1.3", Status.DONE),
                                status("lappi", "JO-A-1.4", Status.DONE)),
                        DEADLINE,
                        null)
                .rows()
                .get(2)
                .cells()
                .get(Group.JO);
        assertEquals(new ReadinessCell(3, 2, 1, 67, 33, Band.FROM_50_TO_75, Band.FROM_25_TO_49), cell);
    }

    @Test
    void percentagesRoundHalfUpAndBandsFollowTheContract() {
        assertEquals(13, Band.percent(1, 8)); // 12.5
        assertEquals(57, Band.percent(39, 69)); // 56.52
        assertEquals(95, Band.percent(52, 55)); // 94.545
        assertEquals(Band.UNDER_25, Band.of(24));
        assertEquals(Band.FROM_25_TO_49, Band.of(25));
        assertEquals(Band.FROM_25_TO_49, Band.of(49));
        assertEquals(Band.FROM_50_TO_75, Band.of(50));
        assertEquals(Band.FROM_50_TO_75, Band.of(75));
        assertEquals(Band.OVER_75, Band.of(76));
    }

    @Test
    void overdueMeansCriticalEndedAndNotDone() {
        RoadmapSubtask ended = ROADMAP.subtask("JO-A-1.3").orElseThrow();
        LocalDate day = LocalDate.parse("2021-10-31");
        assertEquals(true, ended.overdueOn(day, Status.IN_PROGRESS));
        assertEquals(true, ended.overdueOn(day, null));
        assertEquals(false, ended.overdueOn(day, Status.DONE));
        assertEquals(false, ROADMAP.subtask("JO-A-1.1").orElseThrow().overdueOn(day, Status.NOT_STARTED));
    }

    @Test
    void aNewRoadmapVersionChangesTheTrackedSetWithoutReReporting() {
        Picture before = picture(status("lappi", "JO-A-1.1", Status.DONE));
        Roadmap next = new Roadmap(
                2,
                "next",
                Instant.parse("2021-11-01T00:00:00Z"),
                ROADMAP.units(),
                List.of(ROADMAP.subtasks().get(0))); // JO-A-1.2 dropped
        Picture after = new Picture(next, before.statuses(), before.reported(), null, before.day());
        assertEquals(
                50,
                PictureCalculator.progress(before, FROM, TO, null)
                        .rows()
                        .get(2)
                        .cells()
                        .get(Group.JO)
                        .percent());
        var view = PictureCalculator.progress(after, FROM, TO, null);
        assertEquals(2, view.roadmapVersion());
        assertEquals(100, view.rows().get(2).cells().get(Group.JO).percent());
        assertNull(PictureCalculator.progress(after, FROM, TO, null)
                .rows()
                .get(1)
                .cells()
                .get(Group.JO)
                .percent());
    }
}
