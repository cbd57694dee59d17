package fi.tilannekuva.status.api;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reporting round of the calendar. */
public record RoundView(
        @Schema(example = "10-21", description = "The slug of the name") String id,
        @Schema(example = "10/21") String name,
        RoundWindow window,
        @Schema(example = "2023-01-01", description = "The readiness deadline the round is judged on")
                LocalDate deadline,
        @Schema(example = "2021-10-01T06:00:00Z") Instant opensAt,
        @Schema(example = "2021-10-15T21:00:00Z", description = "Reports in [opensAt, dueAt) are ON_TIME")
                Instant dueAt,
        @Schema(example = "2021-10-31T22:00:00Z", description = "Reports in [dueAt, closesAt) are LATE")
                Instant closesAt,
        @Schema(
                        enumeration = {"PLANNED", "OPEN", "OVERDUE", "CLOSED", "CANCELLED"},
                        description = "Now: before opensAt, before dueAt, before closesAt, after; or cancelled")
                String state,
        @Schema(nullable = true) Instant cancelledAt,
        Instant createdAt,
        Instant updatedAt) {

    /** The progress window a round is judged on. */
    public record RoundWindow(
            @Schema(example = "2021-04-01") LocalDate from, @Schema(example = "2021-12-31") LocalDate to) {}
}
