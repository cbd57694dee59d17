package fi.tilannekuva.situation.rounds.api;

import fi.tilannekuva.situation.picture.api.WindowView;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request to freeze a reporting round. */
public record NewSnapshot(
        @Schema(example = "10/21", required = true) String name,
        @Schema(required = true) WindowView window,
        @Schema(example = "2023-01-01", description = "default: the configured default deadline") LocalDate deadline,
        @Schema(example = "2021-10-31T23:59:59Z", description = "default: now; never in the future") Instant at) {}
