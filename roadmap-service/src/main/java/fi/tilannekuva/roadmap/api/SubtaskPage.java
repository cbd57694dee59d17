package fi.tilannekuva.roadmap.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the flat subtask list of a version. */
@Schema(name = "SubtaskPage", description = "A page of subtasks matching the filters, in roadmap order.")
public record SubtaskPage(
        @Schema(examples = "3") int version,
        @Schema(description = "0-based page index", examples = "0") int page,
        @Schema(examples = "50") int size,
        @Schema(description = "Subtasks matching the filters, over all pages", examples = "33") long total,
        @Schema(examples = "1") int totalPages,
        List<SubtaskView> items) {}
