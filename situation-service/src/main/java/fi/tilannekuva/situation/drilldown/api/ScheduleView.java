package fi.tilannekuva.situation.drilldown.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subtask's indicative time window, both days inclusive. */
public record ScheduleView(
        @Schema(example = "2021-07-01") LocalDate from, @Schema(example = "2021-12-31") LocalDate to) {}
