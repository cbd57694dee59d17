package fi.tilannekuva.status.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.status.RoadmapSnapshot;
import fi.tilannekuva.status.api.ReportRound;
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
}
