package fi.tilannekuva.status.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit's exception to a round: its reports until {@code until} count for the round's completeness. */
public record ExceptionView(
        @Schema(example = "10-21") String round,
        @Schema(example = "hus") String region,
        Instant until,
        String reason,
        Instant grantedAt,
        @Schema(nullable = true, description = "The until it replaced, when granted again") Instant previousUntil) {}
