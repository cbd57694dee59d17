package fi.tilannekuva.situation.rounds.api;

import fi.tilannekuva.situation.Band;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One unit × group at one frozen round: the cells' figures as the round froze them. */
public record TrendPoint(
        @Schema(example = "10-21") String round,
        @Schema(nullable = true, description = "progress percent; null when the unit had not reported or tracked 0")
                Integer progressPercent,
        @Schema(nullable = true) Band progressBand,
        @Schema(nullable = true, description = "readiness: the done percent") Integer donePercent,
        @Schema(nullable = true) Band doneBand,
        @Schema(nullable = true, description = "readiness: the in-progress percent") Integer inProgressPercent) {}
