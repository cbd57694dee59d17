package fi.tilannekuva.roadmap;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subtask's indicative time window, both days inclusive. */
@Schema(description = "The indicative time window of a subtask, both days inclusive; `from` <= `to`.")
public record Schedule(
        @Schema(required = true, examples = "2021-07-01") LocalDate from,
        @Schema(required = true, examples = "2021-12-31") LocalDate to) {}
