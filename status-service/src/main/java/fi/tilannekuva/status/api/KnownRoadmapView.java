package fi.tilannekuva.status.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The roadmap version this service validates reports against.
 *
 * @param version the highest version received from roadmap-published
 * @param label its label
 * @param subtasks how many subtasks it has
 * @param criticalSubtasks how many of them are critical
 * @param regions how many units it lists
 */
@Schema(name = "KnownRoadmap", description = "The roadmap version reports are validated against.")
public record KnownRoadmapView(
        @Schema(example = "3") int version,
        @Schema(example = "2022-08-30") String label,
        int subtasks,
        int criticalSubtasks,
        int regions) {}
