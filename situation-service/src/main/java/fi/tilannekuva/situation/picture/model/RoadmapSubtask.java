package fi.tilannekuva.situation.picture.model;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * One subtask of a roadmap version, as far as the picture needs it.
 *
 * @param appliesTo null = every unit, else the unit codes it applies to
 */
public record RoadmapSubtask(
        String id,
        Group group,
        Map<String, String> name,
        boolean critical,
        LocalDate scheduleFrom,
        LocalDate scheduleTo,
        Set<String> appliesTo) {

    /** Tracked for a unit = critical and applicable to it (CONTRACT.md). */
    public boolean trackedFor(String region) {
        return critical && appliesTo(region);
    }

    /** Whether the subtask applies to the unit at all. */
    public boolean appliesTo(String region) {
        return appliesTo == null || appliesTo.contains(region);
    }

    /** Whether the schedule overlaps the window, both ends inclusive; an unscheduled subtask overlaps nothing. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return scheduleFrom != null && scheduleTo != null && !scheduleFrom.isAfter(to) && !scheduleTo.isBefore(from);
    }

    /** Whether the schedule begins before the deadline; an unscheduled subtask is always counted for readiness. */
    public boolean beginsBefore(LocalDate deadline) {
        return scheduleFrom == null || scheduleFrom.isBefore(deadline);
    }

    /** Overdue on a day: critical, schedule ended before that day, not done. */
    public boolean overdueOn(LocalDate day, Status status) {
        return critical && scheduleTo != null && scheduleTo.isBefore(day) && status != Status.DONE;
    }
}
