package fi.tilannekuva.situation.picture.model;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.situation.Band;
import fi.tilannekuva.situation.picture.api.NationalProgress;
import fi.tilannekuva.situation.picture.api.NationalReadiness;
import fi.tilannekuva.situation.picture.api.ProgressCell;
import fi.tilannekuva.situation.picture.api.ProgressRow;
import fi.tilannekuva.situation.picture.api.ProgressView;
import fi.tilannekuva.situation.picture.api.ReadinessCell;
import fi.tilannekuva.situation.picture.api.ReadinessRow;
import fi.tilannekuva.situation.picture.api.ReadinessView;
import fi.tilannekuva.situation.picture.api.WindowView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Counts progress and readiness from a {@link Countable} (a {@link Picture} or a {@link StatusGrid}), plainly, as CONTRACT.md defines them.
 *
 * <p>This is the brute-force recount: no state, no shortcuts. The service answers polls from a cache of its results
 * that every applied event invalidates, and the tests compare the served numbers with this code.
 */
public final class PictureCalculator {

    private static final List<Group> GROUPS = List.of(Group.values());

    private PictureCalculator() {}

    /**
     * Progress for a window: per unit × group, tracked subtasks whose schedule overlaps the window and how many of
     * them have started.
     */
    public static ProgressView progress(Countable picture, LocalDate from, LocalDate to, Instant asOf) {
        List<ProgressRow> rows = new ArrayList<>();
        Map<Group, int[]> national = sums();
        boolean anyReported = false;
        Roadmap roadmap = picture.roadmap();
        for (Unit unit : units(picture)) {
            boolean reported = picture.reported(unit.code());
            anyReported |= reported;
            Map<Group, ProgressCell> cells = new EnumMap<>(Group.class);
            Map<Group, int[]> byGroup = count(
                    picture, unit.code(), subtask -> subtask.overlaps(from, to), Status::started, status -> false);
            for (Group group : GROUPS) {
                int[] counts = byGroup.get(group);
                cells.put(group, progressCell(counts[0], reported ? counts[1] : null));
                if (reported) {
                    national.get(group)[0] += counts[0];
                    national.get(group)[1] += counts[1];
                }
            }
            rows.add(new ProgressRow(unit.code(), unit.name(), reported, cells));
        }
        Map<Group, ProgressCell> nationalCells = new EnumMap<>(Group.class);
        for (Group group : GROUPS) {
            int[] sum = national.get(group);
            nationalCells.put(group, progressCell(sum[0], anyReported ? sum[1] : null));
        }
        return new ProgressView(
                new WindowView(from, to),
                asOf,
                null,
                roadmap == null ? null : roadmap.version(),
                picture.newestEventAt(),
                GROUPS,
                rows,
                new NationalProgress(anyReported, nationalCells));
    }

    /**
     * Readiness against a deadline: per unit × group, tracked subtasks whose schedule begins before the deadline,
     * how many are done and how many are in progress.
     */
    public static ReadinessView readiness(Countable picture, LocalDate deadline, Instant asOf) {
        List<ReadinessRow> rows = new ArrayList<>();
        Map<Group, int[]> national = sums();
        boolean anyReported = false;
        Roadmap roadmap = picture.roadmap();
        for (Unit unit : units(picture)) {
            boolean reported = picture.reported(unit.code());
            anyReported |= reported;
            Map<Group, ReadinessCell> cells = new EnumMap<>(Group.class);
            Map<Group, int[]> byGroup = count(
                    picture,
                    unit.code(),
                    subtask -> subtask.beginsBefore(deadline),
                    status -> status == Status.DONE,
                    Status::inProgress);
            for (Group group : GROUPS) {
                int[] counts = byGroup.get(group);
                cells.put(group, readinessCell(counts[0], reported, counts[1], counts[2]));
                if (reported) {
                    national.get(group)[0] += counts[0];
                    national.get(group)[1] += counts[1];
                    national.get(group)[2] += counts[2];
                }
            }
            rows.add(new ReadinessRow(unit.code(), unit.name(), reported, cells));
        }
        Map<Group, ReadinessCell> nationalCells = new EnumMap<>(Group.class);
        for (Group group : GROUPS) {
            int[] sum = national.get(group);
            nationalCells.put(group, readinessCell(sum[0], anyReported, sum[1], sum[2]));
        }
        return new ReadinessView(
                deadline,
                asOf,
                null,
                roadmap == null ? null : roadmap.version(),
                picture.newestEventAt(),
                GROUPS,
                rows,
                new NationalReadiness(anyReported, nationalCells));
    }

    private static List<Unit> units(Countable picture) {
        return picture.roadmap() == null ? List.of() : picture.roadmap().units();
    }

    private static Map<Group, int[]> sums() {
        Map<Group, int[]> sums = new EnumMap<>(Group.class);
        for (Group group : GROUPS) {
            sums.put(group, new int[3]);
        }
        return sums;
    }

    /**
     * Per group, [tracked, matching, also matching] over the unit's tracked subtasks in scope: one pass over the
     * roadmap per unit, whatever the number of groups and of figures counted.
     */
    private static Map<Group, int[]> count(
            Countable picture,
            String region,
            Predicate<RoadmapSubtask> inScope,
            Predicate<Status> matches,
            Predicate<Status> alsoMatches) {
        Map<Group, int[]> counts = sums();
        IntFunction<Status> ofUnit = picture.statusesOf(region);
        List<RoadmapSubtask> subtasks = picture.roadmap().subtasks();
        for (int position = 0; position < subtasks.size(); position++) {
            RoadmapSubtask subtask = subtasks.get(position);
            int[] count = counts.get(subtask.group());
            if (count == null || !subtask.trackedFor(region) || !inScope.test(subtask)) {
                continue;
            }
            count[0]++;
            Status status = ofUnit.apply(position);
            if (status != null) {
                if (matches.test(status)) {
                    count[1]++;
                }
                if (alsoMatches.test(status)) {
                    count[2]++;
                }
            }
        }
        return counts;
    }

    private static ProgressCell progressCell(int tracked, Integer started) {
        if (started == null) {
            return new ProgressCell(tracked, null, null, null);
        }
        if (tracked == 0) {
            return new ProgressCell(0, started, null, null);
        }
        int percent = Band.percent(started, tracked);
        return new ProgressCell(tracked, started, percent, Band.of(percent));
    }

    private static ReadinessCell readinessCell(int tracked, boolean reported, int done, int inProgress) {
        if (!reported) {
            return new ReadinessCell(tracked, null, null, null, null, null, null);
        }
        if (tracked == 0) {
            return new ReadinessCell(0, done, inProgress, null, null, null, null);
        }
        int donePercent = Band.percent(done, tracked);
        int inProgressPercent = Band.percent(inProgress, tracked);
        return new ReadinessCell(
                tracked,
                done,
                inProgress,
                donePercent,
                inProgressPercent,
                Band.of(donePercent),
                Band.of(inProgressPercent));
    }
}
