package fi.tilannekuva.roadmap;

import java.time.LocalDate;

/**
 * Filters of the flat subtask list; a null member matches everything.
 *
 * @param group a preparation group code ({@code JO})
 * @param entity an entity id ({@code JO-E})
 * @param critical critical (tracked) or not
 * @param region a unit code: only subtasks applicable to it
 * @param from the schedule ends on or after this day
 * @param to the schedule starts on or before this day
 */
public record SubtaskFilter(
        String group, String entity, Boolean critical, String region, LocalDate from, LocalDate to) {}
