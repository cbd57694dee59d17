package fi.tilannekuva.situation.picture.model;

import fi.tilannekuva.kit.reform.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The state the views are computed from: a roadmap version and the current status of every (unit, subtask).
 *
 * @param roadmap null when no roadmap has been seen (yet, or as of the instant asked)
 * @param statuses unit → subtask → current record
 * @param reported the units that have reported anything (any subtask, any version)
 * @param newestEventAt recordedAt of the newest status event applied, null if none
 * @param day the day overdue is judged on (today, or the day of asOf)
 */
public record Picture(
        Roadmap roadmap,
        Map<String, Map<String, StatusRecord>> statuses,
        Set<String> reported,
        Instant newestEventAt,
        LocalDate day)
        implements Countable {

    /** The current record of (unit, subtask), or null if the unit never reported it. */
    public StatusRecord status(String region, String subtask) {
        Map<String, StatusRecord> ofUnit = statuses.get(region);
        return ofUnit == null ? null : ofUnit.get(subtask);
    }

    @Override
    public boolean reported(String region) {
        return reported.contains(region);
    }

    @Override
    public IntFunction<Status> statusesOf(String region) {
        Map<String, StatusRecord> ofUnit = statuses.getOrDefault(region, Map.of());
        List<RoadmapSubtask> subtasks = roadmap.subtasks();
        return position -> {
            StatusRecord record = ofUnit.get(subtasks.get(position).id());
            return record == null ? null : record.status();
        };
    }
}
