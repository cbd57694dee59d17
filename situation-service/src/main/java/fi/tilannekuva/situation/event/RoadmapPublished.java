package fi.tilannekuva.situation.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The data of a roadmap-published event (roadmap-service owns its schema). */
public record RoadmapPublished(
        int version, String label, Instant publishedAt, List<Region> regions, List<GroupData> groups) {

    /** A reporting unit. */
    public record Region(String code, Map<String, String> name, String kind, boolean uusimaa) {}

    /** A preparation group. */
    public record GroupData(String code, Map<String, String> name, List<EntityData> entities) {}

    /** A task entity. */
    public record EntityData(String id, String code, Map<String, String> name, List<TaskData> tasks) {}

    /** A task. */
    public record TaskData(String id, int number, Map<String, String> name, List<SubtaskData> subtasks) {}

    /** A subtask; appliesTo null = every unit. */
    public record SubtaskData(
            String id,
            String number,
            Map<String, String> name,
            boolean critical,
            Schedule schedule,
            List<String> appliesTo) {}

    /** An indicative time window, both days inclusive. */
    public record Schedule(LocalDate from, LocalDate to) {}
}
