package fi.tilannekuva.roadmap.api;

import fi.tilannekuva.roadmap.Name;
import fi.tilannekuva.roadmap.Schedule;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The tree of one version with its ids, shared on purpose by {@code GET /api/v1/roadmaps/{version}} and the
 * {@code roadmap-published} event: both promise the same shape (roadmap-published.schema.json).
 */
public final class RoadmapTree {

    private RoadmapTree() {}

    /** A preparation group with its entities. */
    @Schema(name = "Group", description = "A preparation group with its entities.")
    public record GroupNode(@Schema(examples = "JO") String code, Name name, List<EntityNode> entities) {}

    /** A task entity with its tasks. */
    @Schema(name = "Entity", description = "A task entity (tehtäväkokonaisuus).")
    public record EntityNode(
            @Schema(examples = "JO-E") String id,
            @Schema(examples = "E") String code,
            Name name,
            @Schema(nullable = true, description = "null = every unit") List<String> appliesTo,
            List<TaskNode> tasks) {}

    /** A task with its subtasks. */
    @Schema(name = "Task", description = "A task (tehtävä).")
    public record TaskNode(@Schema(examples = "JO-E-5") String id, int number, Name name, List<SubtaskNode> subtasks) {}

    /** A subtask; {@code appliesTo} already has the entity's restriction applied. */
    @Schema(name = "Subtask", description = "A subtask (osatehtävä) in the tree.")
    public record SubtaskNode(
            @Schema(examples = "JO-E-5.8") String id,
            @Schema(examples = "5.8") String number,
            Name name,
            boolean critical,
            Schedule schedule,
            @Schema(nullable = true, description = "null = every unit; else unit codes (entity restriction applied)")
                    List<String> appliesTo) {}
}
