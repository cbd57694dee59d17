package fi.tilannekuva.roadmap.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A version without its tree, for the version list and the answer to a publish. */
@Schema(name = "VersionSummary", description = "A published version, without its tree.")
public record VersionSummary(
        @Schema(examples = "3") int version,
        @Schema(examples = "2022-08-30") String label,
        Instant publishedAt,
        @Schema(description = "Number of subtasks.", examples = "109") int subtasks,
        @Schema(description = "Number of critical subtasks.", examples = "81") int criticalSubtasks,
        @Schema(description = "Whether this is the newest version.") boolean current) {}
