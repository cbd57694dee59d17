package fi.tilannekuva.roadmap;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A whole roadmap as a publisher sends it (CONTRACT.md): groups > entities > tasks > subtasks. Ids are not part
 * of it; they follow from the codes and numbers ({@code JO-E-5.8}). Fields are nullable on purpose: the
 * validator names every missing one instead of the JSON binding stopping at the first.
 */
@Schema(description = "A roadmap document: the body of `POST /api/v1/roadmaps`.")
public record RoadmapDocument(
        @Schema(required = true, description = "Free text, e.g. the roadmap's update date.", examples = "2022-08-30")
                String label,
        @Schema(required = true, description = "The preparation groups (at least one).") List<Group> groups) {

    /** A preparation group. */
    @Schema(name = "DocumentGroup", description = "A preparation group of the document.")
    public record Group(
            @Schema(
                            required = true,
                            enumeration = {"HTT", "JO", "PJ", "YP", "ICT"})
                    String code,
            @Schema(required = true) Name name,
            @Schema(required = true, description = "At least one entity.") List<Entity> entities) {}

    /** A task entity, lettered within its group; it may have no tasks yet. */
    @Schema(name = "DocumentEntity", description = "A task entity (tehtäväkokonaisuus).")
    public record Entity(
            @Schema(required = true, description = "One capital letter.", examples = "E") String code,
            @Schema(required = true) Name name,
            @Schema(
                            nullable = true,
                            description =
                                    "Optional: the units the whole entity applies to (null = every unit). Each subtask's appliesTo must lie within it; a subtask with null inherits it.")
                    List<String> appliesTo,
            @Schema(description = "The tasks (may be empty).") List<Task> tasks) {}

    /** A task, numbered within its entity. */
    @Schema(name = "DocumentTask", description = "A task (tehtävä).")
    public record Task(
            @Schema(required = true, description = "A positive integer.", examples = "5") Integer number,
            @Schema(required = true) Name name,
            @Schema(description = "The subtasks (may be empty).") List<Subtask> subtasks) {}

    /** A subtask, numbered "task.n". */
    @Schema(name = "DocumentSubtask", description = "A subtask (osatehtävä).")
    public record Subtask(
            @Schema(required = true, description = "`<task number>.<n>`", examples = "5.8") String number,
            @Schema(required = true) Name name,
            @Schema(required = true, description = "Critical subtasks are tracked by the situation picture.")
                    Boolean critical,
            @Schema(required = true) Schedule schedule,
            @Schema(
                            nullable = true,
                            description = "null = every unit; else unit codes.",
                            examples = "[\"helsinki\", \"hus\"]")
                    List<String> appliesTo) {}
}
