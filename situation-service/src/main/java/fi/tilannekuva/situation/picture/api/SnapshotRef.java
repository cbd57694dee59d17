package fi.tilannekuva.situation.picture.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which frozen reporting round a picture comes from. */
@Schema(description = "The frozen reporting round this picture comes from; null for the live picture.")
public record SnapshotRef(@Schema(example = "10-21") String id, @Schema(example = "10/21") String name) {}
