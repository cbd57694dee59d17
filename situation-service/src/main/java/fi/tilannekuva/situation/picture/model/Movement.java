package fi.tilannekuva.situation.picture.model;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.picture.api.ProgressRow;
import fi.tilannekuva.situation.picture.api.ReadinessRow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits the movement of every cell between two pictures a → b into what the roadmap revision did, what the units
 * reported and what the moving window (or deadline) did, exactly as CONTRACT.md ("Movement") fixes it: in percentage
 * points of the integer percents, telescoped so that the parts sum to the total —
 * {@code roadmap = P(roadmap b, statuses a, window a) − P(a)}, {@code reported = P(roadmap b, statuses b, window a) −
 * P(roadmap b, statuses a, window a)}, {@code window = P(b) − P(roadmap b, statuses b, window a)}. A roadmap revision
 * therefore never looks like a unit's slip.
 */
public final class Movement {

    /**
     * One cell's movement; a figure is null where a percentage it needs is null (the unit had not reported, or
     * nothing was tracked), so the parts then need not sum to the total.
     */
    public record Split(Integer from, Integer to, Integer total, Integer roadmap, Integer reported, Integer window) {}

    private Movement() {}

    /** Progress (percent started) between a with its window and b with its window: unit → group → split. */
    public static Map<String, Map<Group, Split>> progress(
            Picture a, LocalDate aFrom, LocalDate aTo, Picture b, LocalDate bFrom, LocalDate bTo) {
        Map<String, Map<Group, Integer>> p0 = progressPercents(a, aFrom, aTo);
        Map<String, Map<Group, Integer>> p1 = progressPercents(mixed(a, b), aFrom, aTo);
        Map<String, Map<Group, Integer>> p2 = progressPercents(b, aFrom, aTo);
        Map<String, Map<Group, Integer>> p3 = progressPercents(b, bFrom, bTo);
        return split(b, p0, p1, p2, p3);
    }

    /** Readiness (percent done) between a with its deadline and b with its deadline: unit → group → split. */
    public static Map<String, Map<Group, Split>> readiness(
            Picture a, LocalDate aDeadline, Picture b, LocalDate bDeadline) {
        Map<String, Map<Group, Integer>> p0 = donePercents(a, aDeadline);
        Map<String, Map<Group, Integer>> p1 = donePercents(mixed(a, b), aDeadline);
        Map<String, Map<Group, Integer>> p2 = donePercents(b, aDeadline);
        Map<String, Map<Group, Integer>> p3 = donePercents(b, bDeadline);
        return split(b, p0, p1, p2, p3);
    }

    /** b's roadmap with a's statuses, as of a's day. */
    private static Picture mixed(Picture a, Picture b) {
        return new Picture(b.roadmap(), a.statuses(), a.reported(), a.newestEventAt(), a.day());
    }

    private static Map<String, Map<Group, Split>> split(
            Picture b,
            Map<String, Map<Group, Integer>> p0,
            Map<String, Map<Group, Integer>> p1,
            Map<String, Map<Group, Integer>> p2,
            Map<String, Map<Group, Integer>> p3) {
        Map<String, Map<Group, Split>> splits = new LinkedHashMap<>();
        if (b.roadmap() == null) {
            return splits;
        }
        for (Unit unit : b.roadmap().units()) {
            Map<Group, Split> cells = new LinkedHashMap<>();
            for (Group group : Group.values()) {
                Integer from = get(p0, unit.code(), group);
                Integer roadmapOnly = get(p1, unit.code(), group);
                Integer reportedToo = get(p2, unit.code(), group);
                Integer to = get(p3, unit.code(), group);
                cells.put(
                        group,
                        new Split(
                                from,
                                to,
                                minus(to, from),
                                minus(roadmapOnly, from),
                                minus(reportedToo, roadmapOnly),
                                minus(to, reportedToo)));
            }
            splits.put(unit.code(), cells);
        }
        return splits;
    }

    private static Map<String, Map<Group, Integer>> progressPercents(Picture picture, LocalDate from, LocalDate to) {
        Map<String, Map<Group, Integer>> percents = new HashMap<>();
        if (picture.roadmap() == null) {
            return percents;
        }
        for (ProgressRow row :
                PictureCalculator.progress(picture, from, to, null).rows()) {
            Map<Group, Integer> cells = new HashMap<>();
            row.cells().forEach((group, cell) -> cells.put(group, cell.percent()));
            percents.put(row.region(), cells);
        }
        return percents;
    }

    private static Map<String, Map<Group, Integer>> donePercents(Picture picture, LocalDate deadline) {
        Map<String, Map<Group, Integer>> percents = new HashMap<>();
        if (picture.roadmap() == null) {
            return percents;
        }
        for (ReadinessRow row :
                PictureCalculator.readiness(picture, deadline, null).rows()) {
            Map<Group, Integer> cells = new HashMap<>();
            row.cells().forEach((group, cell) -> cells.put(group, cell.donePercent()));
            percents.put(row.region(), cells);
        }
        return percents;
    }

    private static Integer get(Map<String, Map<Group, Integer>> percents, String region, Group group) {
        Map<Group, Integer> cells = percents.get(region);
        return cells == null ? null : cells.get(group);
    }

    private static Integer minus(Integer later, Integer earlier) {
        return later == null || earlier == null ? null : later - earlier;
    }
}
