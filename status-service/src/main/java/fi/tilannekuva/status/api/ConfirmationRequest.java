package fi.tilannekuva.status.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit's "unchanged" in the open round. */
public record ConfirmationRequest(
        @Schema(
                        nullable = true,
                        description = "The subtasks whose current status still holds; omitted: every subtask the unit"
                                + " has a current status for",
                        example = "[\"JO-E-5.8\", \"ICT-C-3.1\"]")
                List<String> subtasks) {}
