package fi.tilannekuva.roadmap.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What changed between two versions, subtask by subtask. */
@Schema(name = "RoadmapDiff", description = "Subtasks added, removed and changed from one version to another.")
public record RoadmapDiff(
        @Schema(examples = "2") int from,
        @Schema(examples = "3") int to,
        List<SubtaskView> added,
        List<SubtaskView> removed,
        List<ChangedSubtask> changed) {

    /** A subtask present in both versions whose fields differ. */
    @Schema(name = "ChangedSubtask")
    public record ChangedSubtask(@Schema(examples = "JO-E-5.8") String id, List<FieldChange> changes) {}

    /** One changed field with its old and new value. */
    @Schema(name = "FieldChange")
    public record FieldChange(
            @Schema(enumeration = {"name", "critical", "schedule", "appliesTo"}) String field,
            @Schema(description = "The value in `from`") Object oldValue,
            @Schema(description = "The value in `to`") Object newValue) {}
}
