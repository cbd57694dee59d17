package fi.tilannekuva.status.api;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A round to plan, or a planned round's new name and times. */
public record RoundRequest(
        @Schema(example = "10/21", required = true) String name,
        @Schema(required = true) RoundView.RoundWindow window,
        @Schema(example = "2023-01-01", required = true) LocalDate deadline,
        @Schema(example = "2021-10-01T06:00:00Z", required = true) Instant opensAt,
        @Schema(example = "2021-10-15T21:00:00Z", required = true) Instant dueAt,
        @Schema(example = "2021-10-31T22:00:00Z", required = true) Instant closesAt) {}
