package fi.tilannekuva.roadmap.api;

import fi.tilannekuva.roadmap.Name;
import fi.tilannekuva.roadmap.Schedule;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subtask in the flat list, with the ids of its group, entity and task. */
@Schema(name = "SubtaskItem", description = "A subtask of the flat list.")
public record SubtaskView(
        @Schema(examples = "JO-E-5.8") String id,
        @Schema(examples = "JO") String group,
        @Schema(examples = "JO-E") String entity,
        @Schema(examples = "JO-E-5") String task,
        @Schema(examples = "5.8") String number,
        Name name,
        boolean critical,
        Schedule schedule,
        @Schema(nullable = true, description = "null = every unit") List<String> appliesTo) {}
