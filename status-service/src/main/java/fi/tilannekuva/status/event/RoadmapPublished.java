package fi.tilannekuva.status.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The data of a roadmap-published event, as far as this service reads it (a tolerant reader: unknown fields are
 * ignored). The producer's schema: roadmap-service's {@code events/roadmap-published.schema.json}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoadmapPublished(
        Integer version, String label, Instant publishedAt, List<Region> regions, List<Group> groups) {

    /** The envelope {@code type} this service consumes. */
    public static final String TYPE = "fi.tilannekuva.roadmap.published.v1";

    /** A reporting unit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Region(String code, Map<String, String> name, String kind, Boolean uusimaa) {}

    /** A preparation group. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String code, Map<String, String> name, List<Entity> entities) {}

    /** A task entity (letter). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entity(String id, String code, Map<String, String> name, List<Task> tasks) {}

    /** A task (number). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Task(String id, Integer number, Map<String, String> name, List<Subtask> subtasks) {}

    /** A subtask (number.number). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subtask(
            String id,
            String number,
            Map<String, String> name,
            Boolean critical,
            Schedule schedule,
            List<String> appliesTo) {}

    /** An indicative time window. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(LocalDate from, LocalDate to) {}
}
