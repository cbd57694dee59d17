package fi.tilannekuva.situation.picture.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random event streams with duplicates and reordering, folded by the projection's rule (a higher version replaces the
 * current record), give the same picture as a brute-force recount from each key's highest version.
 */
class ProjectionPropertyTest {

    private static final String[] UNITS = {"lappi", "kainuu", "helsinki", "hus"};
    private static final LocalDate FROM = LocalDate.parse("2021-04-01");
    private static final LocalDate TO = LocalDate.parse("2021-12-31");
    private static final LocalDate DEADLINE = LocalDate.parse("2023-01-01");

    @RepeatedTest(200)
    void duplicatesAndReorderingGiveTheSamePictureAsARecount(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 7919L);
        Roadmap roadmap = roadmap(random);
        List<StatusRecord> history = history(random, roadmap);

        // the stream a consumer may see: every event at least once, some twice, in any order
        List<StatusRecord> stream = new ArrayList<>(history);
        for (StatusRecord record : history) {
            if (random.nextInt(3) == 0) {
                stream.add(record);
            }
        }
        Collections.shuffle(stream, random);

        Map<String, StatusRecord> folded = new HashMap<>();
        for (StatusRecord record : stream) {
            String key = record.region() + "/" + record.subtask();
            if (StatusRecord.supersedes(record, folded.get(key))) {
                folded.put(key, record);
            }
        }

        // brute force: per key, the record with the highest version in the history
        Map<String, StatusRecord> recount = new HashMap<>();
        for (StatusRecord record : history) {
            recount.merge(
                    record.region() + "/" + record.subtask(), record, (a, b) -> a.version() >= b.version() ? a : b);
        }

        assertEquals(recount, folded);
        Picture fromStream = picture(roadmap, folded);
        Picture fromRecount = picture(roadmap, recount);
        assertSameViews(fromRecount, fromStream);

        // the counted views' grid, filled from the raw stream (duplicates, any order, no fold first), counts the same
        StatusGrid grid = new StatusGrid(roadmap, null);
        stream.forEach(record -> grid.put(record.region(), record.subtask(), record.version(), record.status()));
        assertSameViews(fromRecount, grid);

        // asOf from a checkpoint: a grid of part of the stream, stored and merged with the rest, before or after the
        // rest's rows, counts the same as the whole stream
        int cut = random.nextInt(stream.size() + 1);
        StatusGrid before = new StatusGrid(roadmap, null);
        stream.subList(0, cut)
                .forEach(record -> before.put(record.region(), record.subtask(), record.version(), record.status()));
        byte[] checkpoint = before.checkpoint();
        StatusGrid mergedFirst = new StatusGrid(roadmap, null);
        StatusGrid mergedLast = new StatusGrid(roadmap, null);
        mergedFirst.merge(checkpoint);
        for (StatusRecord record : stream.subList(cut, stream.size())) {
            mergedFirst.put(record.region(), record.subtask(), record.version(), record.status());
            mergedLast.put(record.region(), record.subtask(), record.version(), record.status());
        }
        mergedLast.merge(checkpoint);
        assertSameViews(fromRecount, mergedFirst);
        assertSameViews(fromRecount, mergedLast);
        for (StatusRecord record : stream) {
            assertEquals(true, mergedFirst.reported(record.region()), record.region() + " reported");
            assertEquals(true, mergedLast.reported(record.region()), record.region() + " reported");
        }
        assertEquals(before.layout(), mergedFirst.layout(), "grids of one roadmap version have one layout");
        org.junit.jupiter.api.Assertions.assertNotEquals(
                before.layout(),
                new StatusGrid(roadmap.withUnits(java.util.Set.of("lappi")), null).layout(),
                "a grid of other units has another layout: a checkpoint of one is not read into the other");
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new StatusGrid(roadmap.withUnits(java.util.Set.of("lappi")), null).merge(checkpoint),
                "a checkpoint of another roadmap's grid is refused");
        for (byte[] unreadable : List.of(
                java.util.Arrays.copyOf(checkpoint, checkpoint.length / 2), new byte[] {0}, new byte[] {1, 2, 3})) {
            org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class,
                    () -> new StatusGrid(roadmap, null).merge(unreadable),
                    "an unreadable checkpoint is refused, not half read");
        }

        // counting some units alone (the band check) gives those units' rows of the whole count
        java.util.Set<String> some = java.util.Set.of("lappi", "hus");
        StatusGrid ofSome = new StatusGrid(roadmap.withUnits(some), null);
        stream.stream()
                .filter(record -> some.contains(record.region()))
                .forEach(record -> ofSome.put(record.region(), record.subtask(), record.version(), record.status()));
        assertEquals(
                PictureCalculator.readiness(fromRecount, DEADLINE, null).rows().stream()
                        .filter(row -> some.contains(row.region()))
                        .toList(),
                PictureCalculator.readiness(ofSome, DEADLINE, null).rows());
    }

    /** Progress and readiness counted from the two are equal. */
    private static void assertSameViews(Countable expected, Countable actual) {
        assertEquals(
                PictureCalculator.progress(expected, FROM, TO, null),
                PictureCalculator.progress(actual, FROM, TO, null));
        assertEquals(
                PictureCalculator.readiness(expected, DEADLINE, null),
                PictureCalculator.readiness(actual, DEADLINE, null));
    }

    private static Roadmap roadmap(Random random) {
        List<RoadmapSubtask> subtasks = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            Group group = Group.values()[random.nextInt(Group.values().length)];
            LocalDate from = LocalDate.parse("2021-01-01").plusMonths(random.nextInt(24));
            subtasks.add(new RoadmapSubtask(
                    group + "-A-1." + i,
                    group,
                    Map.of("fi", "s" + i),
                    random.nextInt(5) > 0,
                    from,
                    from.plusMonths(random.nextInt(6)),
                    random.nextInt(6) == 0 ? java.util.Set.of("helsinki") : null));
        }
        List<Unit> units = new ArrayList<>();
        for (String unit : UNITS) {
            units.add(new Unit(unit, Map.of("fi", unit), "WELLBEING_SERVICES_COUNTY", false));
        }
        return new Roadmap(1, "random", Instant.EPOCH, units, subtasks);
    }

    /**
     * Per (unit, subtask) versions 1..n of a status history; "hus" reports, if at all, only a subtask the roadmap does
     * not have (which still makes it a unit that has reported).
     */
    private static List<StatusRecord> history(Random random, Roadmap roadmap) {
        List<StatusRecord> history = new ArrayList<>();
        for (String unit : UNITS) {
            if (unit.equals("hus")) {
                continue;
            }
            for (RoadmapSubtask subtask : roadmap.subtasks()) {
                int versions = random.nextInt(4);
                for (int version = 1; version <= versions; version++) {
                    Instant at = Instant.parse("2021-09-01T00:00:00Z").plusSeconds(3600L * version);
                    history.add(new StatusRecord(
                            unit,
                            subtask.id(),
                            version,
                            Status.values()[random.nextInt(Status.values().length)],
                            null,
                            random.nextBoolean(),
                            at,
                            at));
                }
            }
        }
        if (random.nextBoolean()) {
            Instant at = Instant.parse("2021-09-01T00:00:00Z");
            history.add(new StatusRecord("hus", "X-A-9.9", 1, Status.DONE, null, false, at, at));
        }
        return history;
    }

    private static Picture picture(Roadmap roadmap, Map<String, StatusRecord> current) {
        Map<String, Map<String, StatusRecord>> byUnit = new HashMap<>();
        for (StatusRecord record : current.values()) {
            byUnit.computeIfAbsent(record.region(), r -> new HashMap<>()).put(record.subtask(), record);
        }
        return new Picture(roadmap, byUnit, byUnit.keySet(), null, LocalDate.parse("2021-10-31"));
    }
}
