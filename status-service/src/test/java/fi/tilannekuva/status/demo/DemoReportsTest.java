package fi.tilannekuva.status.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.status.RoadmapSnapshot;
import fi.tilannekuva.status.api.ReportRound;
import fi.tilannekuva.status.api.RoundRequest;
import fi.tilannekuva.status.service.ReportValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo rounds: deterministic, HUS silent, only critical applicable subtasks, some delays and support asks. */
class DemoReportsTest {

    private static RoadmapSnapshot roadmap() {
        Map<String, RoadmapSnapshot.Subtask> subtasks = new HashMap<>();
        for (int t = 1; t <= 10; t++) {
            for (int n = 1; n <= 10; n++) {
                String id = "JO-E-" + t + "." + n;
                subtasks.put(
                        id,
                        new RoadmapSnapshot.Subtask(
                                id,
                                "JO",
                                id,
                                n % 3 != 0,
                                LocalDate.of(2021, 1 + (t % 12), 1),
                                LocalDate.of(2022, 1 + (n % 12), 1),
                                null));
            }
        }
        subtasks.put(
                "PJ-H-1.1",
                new RoadmapSnapshot.Subtask("PJ-H-1.1", "PJ", "Uusimaa", true, null, null, Set.of("helsinki", "hus")));
        return new RoadmapSnapshot(1, "demo", Set.copyOf(Units.ALL), subtasks);
    }

    @Test
    void everyUnitButHusReportsItsCriticalApplicableSubtasks() {
        List<ReportRound> rounds = DemoReports.rounds(roadmap());
        Set<String> units = new HashSet<>();
        rounds.forEach(r -> units.add(r.region()));
        assertEquals(22, units.size());
        assertFalse(units.contains("hus"));
        ReportRound helsinki = rounds.stream()
                .filter(r -> r.region().equals("helsinki"))
                .findFirst()
                .orElseThrow();
        ReportRound lappi = rounds.stream()
                .filter(r -> r.region().equals("lappi"))
                .findFirst()
                .orElseThrow();
        assertEquals(70 + 1, helsinki.items().size());
        assertEquals(70, lappi.items().size());
    }

    @Test
    void theDemoRoundsOverRoadmapServicesDemoRoadmapPassValidation() throws Exception {
        RoadmapSnapshot demo = demoRoadmap();
        List<ReportRound> rounds = DemoReports.rounds(demo);
        assertEquals(22, rounds.size());
        ReportValidator validator = new ReportValidator(2000, Duration.ofMinutes(5));
        int items = 0;
        for (ReportRound round : rounds) {
            items += validator.validate(round, demo, Instant.now()).size();
        }
        assertTrue(items > 22 * 50, "every unit reports its critical subtasks: " + items);
    }

    /** roadmap-service's demo roadmap document, read as the roadmap-published event would carry it. */
    private static RoadmapSnapshot demoRoadmap() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(Path.of("../roadmap-service/src/main/resources/demo/roadmap-demo.json")
                        .toFile());
        Map<String, RoadmapSnapshot.Subtask> subtasks = new HashMap<>();
        for (JsonNode group : document.get("groups")) {
            for (JsonNode entity : group.get("entities")) {
                for (JsonNode task : entity.get("tasks")) {
                    for (JsonNode subtask : task.get("subtasks")) {
                        String id = group.get("code").asText() + "-"
                                + entity.get("code").asText() + "-"
                                + subtask.get("number").asText();
                        JsonNode appliesTo = subtask.path("appliesTo").isArray()
                                ? subtask.get("appliesTo")
                                : entity.path("appliesTo");
                        Set<String> units = null;
                        if (appliesTo.isArray()) {
                            units = new HashSet<>();
                            for (JsonNode unit : appliesTo) {
                                units.add(unit.asText());
                            }
                        }
                        subtasks.put(
                                id,
                                new RoadmapSnapshot.Subtask(
                                        id,
                                        group.get("code").asText(),
                                        id,
                                        subtask.get("critical").asBoolean(),
                                        LocalDate.parse(subtask.get("schedule")
                                                .get("from")
                                                .asText()),
                                        LocalDate.parse(subtask.get("schedule")
                                                .get("to")
                                                .asText()),
                                        units));
                    }
                }
            }
        }
        return new RoadmapSnapshot(1, document.get("label").asText(), Set.copyOf(Units.ALL), subtasks);
    }

    @Test
    void theRoundsAreTheSameEveryTimeAndIncludeDelaysWithSupportRequests() {
        assertEquals(DemoReports.rounds(roadmap()), DemoReports.rounds(roadmap()));
        var items = DemoReports.rounds(roadmap()).stream()
                .flatMap(r -> r.items().stream())
                .toList();
        assertTrue(items.stream().anyMatch(i -> i.status().equals("DELAYED")));
        assertTrue(items.stream().anyMatch(i -> Boolean.TRUE.equals(i.supportNeeded())));
        assertTrue(items.stream().anyMatch(i -> i.status().equals("DONE")));
    }

    @Test
    void theCalendarIsThreePastMonthlyRoundsAndOneOpenNowNeverOverlapping() {
        Instant now = Instant.parse("2026-11-30T15:00:00Z");
        List<RoundRequest> calendar = DemoReports.calendar(now);
        assertEquals(
                List.of("08/21", "09/21", "10/21", "11/26"),
                calendar.stream().map(RoundRequest::name).toList());
        for (int i = 0; i < calendar.size(); i++) {
            RoundRequest round = calendar.get(i);
            assertTrue(round.opensAt().isBefore(round.dueAt()) && !round.dueAt().isAfter(round.closesAt()));
            if (i > 0) {
                assertFalse(round.opensAt().isBefore(calendar.get(i - 1).closesAt()), round.name() + " overlaps");
            }
        }
        assertEquals(Instant.parse("2021-10-31T22:00:00Z"), calendar.get(2).closesAt(), "midnight in Helsinki");
        RoundRequest open = calendar.get(3);
        assertTrue(open.opensAt().isBefore(now) && now.isBefore(open.dueAt()), "the last round is open now");
    }

    @Test
    void theEarlierRoundsShowLateSilentAndPartialUnitsAndLessProgress() {
        RoadmapSnapshot roadmap = roadmap();
        List<DemoReports.Submission> history = DemoReports.history(roadmap);
        List<RoundRequest> calendar = DemoReports.calendar(Instant.now());
        Map<String, Set<String>> onTime = new HashMap<>();
        Map<String, Set<String>> late = new HashMap<>();
        for (DemoReports.Submission submission : history) {
            RoundRequest round = calendar.stream()
                    .filter(r -> r.name().equals(submission.round()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(
                    !submission.receivedAt().isBefore(round.opensAt())
                            && submission.receivedAt().isBefore(round.closesAt()),
                    "received in its round");
            assertEquals(
                    submission.receivedAt(), Instant.parse(submission.report().reportedAt()));
            (submission.receivedAt().isBefore(round.dueAt()) ? onTime : late)
                    .computeIfAbsent(submission.round(), r -> new HashSet<>())
                    .add(submission.report().region());
        }
        // 22 reporting units: in 08/21 16 on time, 3 late, 3 silent (and HUS); in 09/21 18 on time, 2 late, 2 silent
        assertEquals(16, onTime.get("08/21").size());
        assertEquals(3, late.get("08/21").size());
        assertEquals(18, onTime.get("09/21").size());
        assertEquals(2, late.get("09/21").size());
        assertTrue(history.stream().noneMatch(s -> s.report().region().equals("hus")));

        Map<String, List<ReportRound.ReportItem>> october = new HashMap<>();
        DemoReports.rounds(roadmap).forEach(r -> october.put(r.region(), r.items()));
        var september = history.stream().filter(s -> s.round().equals("09/21")).toList();
        assertTrue(
                september.stream()
                        .anyMatch(s -> s.report().items().size()
                                < october.get(s.report().region()).size()),
                "some units report only what changed");
        assertTrue(
                done(history.stream()
                                .filter(s -> s.round().equals("08/21"))
                                .flatMap(s -> s.report().items().stream())
                                .toList())
                        < done(DemoReports.rounds(roadmap).stream()
                                .flatMap(r -> r.items().stream())
                                .toList()),
                "fewer subtasks were done in August than in October");
    }

    @Test
    void oneUnitSlipsFromSeptemberToOctober() {
        RoadmapSnapshot roadmap = roadmap();
        String unit = DemoReports.SLIPPING;
        List<ReportRound.ReportItem> october = DemoReports.rounds(roadmap).stream()
                .filter(r -> r.region().equals(unit))
                .findFirst()
                .orElseThrow()
                .items();
        List<ReportRound.ReportItem> september = DemoReports.history(roadmap).stream()
                .filter(s -> s.round().equals("09/21") && s.report().region().equals(unit))
                .flatMap(s -> s.report().items().stream())
                .toList();
        assertFalse(september.isEmpty(), unit + " reported in September");
        assertTrue(
                done(september) > done(october), "done in September " + done(september) + ", October " + done(october));
    }

    private static long done(List<ReportRound.ReportItem> items) {
        return items.stream().filter(i -> i.status().equals("DONE")).count();
    }
}
