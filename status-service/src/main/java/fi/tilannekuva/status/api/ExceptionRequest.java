package fi.tilannekuva.status.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ministry reopens a round for one unit until an instant. */
public record ExceptionRequest(
        @Schema(example = "hus", required = true) String region,
        @Schema(example = "2021-11-07T22:00:00Z", required = true, description = "After the round's closesAt")
                Instant until,
        @Schema(example = "Tietojärjestelmän käyttökatko", required = true, maxLength = 500) String reason) {}
