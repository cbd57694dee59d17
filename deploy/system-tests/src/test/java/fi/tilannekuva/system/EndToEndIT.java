package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.kit.reform.Units;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole flow across the three services: the ministry publishes a roadmap, the units report, the situation
 * picture shows exactly the counts the test computes itself; a revised roadmap changes the picture without anyone
 * reporting again.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    /** Three units stay silent, as HUS did in 10/21. */
    private static final List<String> SILENT = List.of("hus", "kainuu", "satakunta");

    private static final Roadmap FIRST = Roadmap.generated("e2e first", 11, 12);

    /** What the test itself sent and expects to be current: unit → subtask → status. */
    private static final Map<String, Map<String, String>> SENT = new HashMap<>();

    private final SystemUnderTest system = SystemUnderTest.shared();

    @Test
    @Order(1)
    void aPublishedRoadmapShowsEveryUnitAsNotReportedYet() {
        int version = system.publish(FIRST);

        JsonNode progress = system.progress();
        assertEquals(version, progress.path("roadmapVersion").asInt());
        assertEquals(List.of("HTT", "JO", "PJ", "YP", "ICT"), texts(progress.path("groups")));
        assertEquals(Units.ALL.size(), progress.path("rows").size());
        for (JsonNode row : progress.path("rows")) {
            assertFalse(row.path("reported").asBoolean(), row.toString());
            for (String group : Group.codes()) {
                JsonNode cell = row.path("cells").path(group);
                assertTrue(cell.path("percent").isNull(), "never 0 % for a unit that has not reported: " + row);
                assertTrue(cell.path("band").isNull(), row.toString());
            }
        }
        system.awaitPicture(() -> SENT, Duration.ofSeconds(30));
    }

    @Test
    @Order(2)
    void unitsReportAndThePictureShowsTheCountsComputedFromWhatTheySent() {
        for (String unit : Units.ALL) {
            if (SILENT.contains(unit)) {
                continue;
            }
            Random random = new Random(unit.hashCode());
            List<Report.Item> items = new ArrayList<>();
            for (Roadmap.Subtask subtask : FIRST.applicableTo(unit)) {
                String status = Status.codes().get(random.nextInt(Status.codes().size()));
                boolean support = random.nextInt(10) == 0;
                items.add(new Report.Item(subtask.id(), status, support ? "Tarvitsemme tukea" : null, support));
                SENT.computeIfAbsent(unit, u -> new HashMap<>()).put(subtask.id(), status);
            }
            Http.Reply reply = system.report(new Report(unit, Instant.now().minusSeconds(3600), items));
            assertEquals(201, reply.status(), reply.toString());
        }

        system.awaitPicture(() -> SENT, Duration.ofSeconds(60));
        JsonNode progress = system.progress();
        for (JsonNode row : progress.path("rows")) {
            assertEquals(
                    !SILENT.contains(row.path("region").asText()),
                    row.path("reported").asBoolean(),
                    "reported flag of " + row);
        }
        assertEquals(SENT, system.databases().currentStatuses(), "status-service stored exactly what was sent");
    }

    @Test
    @Order(3)
    void aNewerReportChangesTheCountAndAnOlderOneChangesNothing() {
        Roadmap.Subtask subtask = FIRST.subtasks().stream()
                .filter(s -> s.trackedIn("lappi", SystemUnderTest.FROM, SystemUnderTest.TO))
                .findFirst()
                .orElseThrow();
        String was = SENT.get("lappi").get(subtask.id());
        String newer = was.equals("DONE") ? "NOT_STARTED" : "DONE";
        String older = "DELAYED".equals(newer) ? "IN_PROGRESS" : "DELAYED";

        Http.Reply accepted =
                system.report(new Report("lappi", Instant.now(), List.of(Report.Item.of(subtask.id(), newer))));
        assertEquals(201, accepted.status(), accepted.toString());
        SENT.get("lappi").put(subtask.id(), newer);
        system.awaitPicture(() -> SENT, Duration.ofSeconds(30));

        Http.Reply stale = system.report(new Report(
                "lappi", Instant.now().minus(2, ChronoUnit.DAYS), List.of(Report.Item.of(subtask.id(), older))));
        assertEquals(201, stale.status(), "a stale item is kept in the history: " + stale);
        system.awaitPicture(() -> SENT, Duration.ofSeconds(30));
        assertEquals(newer, system.databases().currentStatuses().get("lappi").get(subtask.id()));
    }

    @Test
    @Order(4)
    void aRevisedRoadmapChangesThePictureWithoutAnyoneReportingAgain() {
        Predicate<Roadmap.Subtask> inWindowForAll = s -> s.appliesTo() == null
                && !s.from().isAfter(SystemUnderTest.TO)
                && !s.to().isBefore(SystemUnderTest.FROM);
        Roadmap.Subtask becomesCritical = FIRST.subtasks().stream()
                .filter(inWindowForAll.and(s -> !s.critical()))
                .findFirst()
                .orElseThrow();
        List<Roadmap.Subtask> tracked = FIRST.subtasks().stream()
                .filter(inWindowForAll.and(Roadmap.Subtask::critical))
                .toList();
        Roadmap.Subtask rescheduled = tracked.get(0);
        Roadmap.Subtask narrowed = tracked.get(1);
        Roadmap revised = FIRST.revise("e2e revised", becomesCritical.id(), s -> s.withCritical(true))
                .revise(
                        "e2e revised",
                        rescheduled.id(),
                        s -> s.withSchedule(LocalDate.of(2022, 7, 1), LocalDate.of(2022, 12, 31)))
                .revise("e2e revised", narrowed.id(), s -> s.withAppliesTo(Units.UUSIMAA));
        Map<String, Map<String, String>> before = copy(SENT);
        JsonNode progressBefore = system.progress();

        int version = system.publish(revised);

        system.awaitPicture(() -> SENT, Duration.ofSeconds(60));
        assertEquals(before, system.databases().currentStatuses(), "nobody reported again");
        JsonNode progressAfter = system.progress();
        assertEquals(version, progressAfter.path("roadmapVersion").asInt());
        // A user sees the tracked counts move: one more in the newly critical subtask's group for every unit, one
        // fewer where a subtask left the window, one fewer for a unit outside Uusimaa in the narrowed one's group.
        int[] delta = new int[Group.codes().size()];
        delta[Group.codes().indexOf(becomesCritical.group())]++;
        delta[Group.codes().indexOf(rescheduled.group())]--;
        delta[Group.codes().indexOf(narrowed.group())]--;
        for (String group : Group.codes()) {
            int expected = tracked(progressBefore, "lappi", group)
                    + delta[Group.codes().indexOf(group)];
            assertEquals(expected, tracked(progressAfter, "lappi", group), "lappi " + group + " tracked");
        }
    }

    private static int tracked(JsonNode progress, String unit, String group) {
        for (JsonNode row : progress.path("rows")) {
            if (row.path("region").asText().equals(unit)) {
                return row.path("cells").path(group).path("tracked").asInt();
            }
        }
        throw new AssertionError("no row " + unit);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> statuses) {
        Map<String, Map<String, String>> out = new HashMap<>();
        statuses.forEach((unit, ofUnit) -> out.put(unit, new HashMap<>(ofUnit)));
        return out;
    }
}
