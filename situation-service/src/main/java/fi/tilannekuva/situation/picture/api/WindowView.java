package fi.tilannekuva.situation.picture.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The period progress looks at, both days inclusive. */
@Schema(description = "The period progress looks at, both days inclusive.")
public record WindowView(
        @Schema(example = "2021-04-01") LocalDate from, @Schema(example = "2021-12-31") LocalDate to) {}
