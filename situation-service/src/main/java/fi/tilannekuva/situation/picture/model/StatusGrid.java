package fi.tilannekuva.situation.picture.model;

import fi.tilannekuva.kit.reform.Status;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The status of every (unit, subtask) of one roadmap version, held by position in two arrays: what the counted views
 * read as of an instant, filled from the log row by row without an object per row (at a million events the log holds
 * about 100 k rows valid at any instant).
 *
 * <p>Like the whole-record picture, it keeps per (unit, subtask) the status of the highest version whatever order the
 * rows come in, and a unit that reported anything counts as reported, even a subtask this version does not have.
 */
public final class StatusGrid implements Countable {

    private final Roadmap roadmap;
    private final Instant newestEventAt;
    private final Map<String, Integer> units = new HashMap<>();
    private final Map<String, Integer> subtasks = new HashMap<>();
    private final int[] canonical;
    private final Status[] statuses;
    private final long[] versions;
    private final Set<String> reported = new HashSet<>();

    /**
     * An empty grid.
     *
     * @param roadmap the version counted against, null if none
     * @param newestEventAt recordedAt of the newest event counted, null if none
     */
    public StatusGrid(Roadmap roadmap, Instant newestEventAt) {
        this.roadmap = roadmap;
        this.newestEventAt = newestEventAt;
        List<Unit> unitList = roadmap == null ? List.of() : roadmap.units();
        List<RoadmapSubtask> subtaskList = roadmap == null ? List.of() : roadmap.subtasks();
        for (int i = 0; i < unitList.size(); i++) {
            units.put(unitList.get(i).code(), i);
        }
        canonical = new int[subtaskList.size()];
        for (int i = 0; i < subtaskList.size(); i++) {
            // a repeated id shares the first one's cell, as it shares the whole-record picture's map entry
            Integer first = subtasks.putIfAbsent(subtaskList.get(i).id(), i);
            canonical[i] = first == null ? i : first;
        }
        statuses = new Status[unitList.size() * canonical.length];
        versions = new long[statuses.length];
        Arrays.fill(versions, Long.MIN_VALUE);
    }

    /** Counts one logged status: it replaces what the grid holds for (unit, subtask) only with a higher version. */
    public void put(String region, String subtask, long version, Status status) {
        reported.add(region);
        Integer unit = units.get(region);
        Integer position = subtasks.get(subtask);
        if (unit == null || position == null) {
            return; // a unit or subtask this version does not list: it only makes the unit reported
        }
        int cell = unit * canonical.length + position;
        if (version > versions[cell]) {
            versions[cell] = version;
            statuses[cell] = status;
        }
    }

    @Override
    public Roadmap roadmap() {
        return roadmap;
    }

    @Override
    public boolean reported(String region) {
        return reported.contains(region);
    }

    @Override
    public Instant newestEventAt() {
        return newestEventAt;
    }

    @Override
    public IntFunction<Status> statusesOf(String region) {
        Integer unit = units.get(region);
        if (unit == null) {
            return position -> null;
        }
        int offset = unit * canonical.length;
        return position -> statuses[offset + canonical[position]];
    }
}
