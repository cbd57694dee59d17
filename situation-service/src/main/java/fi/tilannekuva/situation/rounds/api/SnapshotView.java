package fi.tilannekuva.situation.rounds.api;

import fi.tilannekuva.situation.picture.api.WindowView;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A frozen reporting round. */
public record SnapshotView(
        @Schema(example = "10-21", nullable = true, description = "null where a movement's end is an instant")
                String id,
        @Schema(example = "10/21") String name,
        WindowView window,
        @Schema(example = "2023-01-01") LocalDate deadline,
        @Schema(example = "2021-10-31T23:59:59Z") Instant at,
        Instant createdAt) {}
