package fi.tilannekuva.kit.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The data of a roadmap-published event as its consumers read it: a tolerant reader (unknown fields are ignored,
 * missing ones are null, so each consumer decides what it cannot do without). roadmap-service writes the whole tree;
 * its schema is roadmap-service's {@code events/roadmap-published.schema.json}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoadmapPublished(
        Integer version, String label, Instant publishedAt, List<Region> regions, List<PreparationGroup> groups) {

    /** The envelope {@code source}. */
    public static final String SOURCE = "/tilannekuva/roadmap-service";

    /** The envelope {@code type}. */
    public static final String TYPE = "fi.tilannekuva.roadmap.published.v1";

    /** A reporting unit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Region(String code, Map<String, String> name, String kind, Boolean uusimaa) {}

    /** A preparation group. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PreparationGroup(String code, Map<String, String> name, List<TaskEntity> entities) {}

    /** A task entity (letter). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskEntity(String id, String code, Map<String, String> name, List<Task> tasks) {}

    /** A task (number). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Task(String id, Integer number, Map<String, String> name, List<Subtask> subtasks) {}

    /** A subtask (number.number); appliesTo null = every unit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subtask(
            String id,
            String number,
            Map<String, String> name,
            Boolean critical,
            Schedule schedule,
            List<String> appliesTo) {}

    /** An indicative time window, both days inclusive. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(LocalDate from, LocalDate to) {}
}
