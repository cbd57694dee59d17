package fi.tilannekuva.situation.drilldown.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The risk signals, most severe first. */
public record RisksView(
        Instant generatedAt,
        @Schema(nullable = true, description = "The instant the risks are judged as of; null: now (the live picture).")
                Instant asOf,
        @Schema(description = "Start of the current reporting round: the at of the latest snapshot, null = none yet.")
                Instant currentRoundSince,
        List<RiskView> risks) {}
