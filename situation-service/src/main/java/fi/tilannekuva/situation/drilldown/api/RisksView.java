package fi.tilannekuva.situation.drilldown.api;

import fi.tilannekuva.situation.picture.api.WindowView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the ranked risk signals, the highest score first. */
public record RisksView(
        Instant generatedAt,
        @Schema(nullable = true, description = "The instant the risks are judged as of; null: now (the live picture).")
                Instant asOf,
        @Schema(nullable = true, description = "The frozen round judged (its instant and window), if one was asked")
                String round,
        @Schema(description = "The day overdue is judged on") LocalDate day,
        @Schema(description = "The progress window the percents, the peer median and the fall are computed over")
                WindowView window,
        @Schema(
                        nullable = true,
                        description = "Start of the round current then: the at of the latest round frozen before;"
                                + " null = none yet (no NOT_REPORTED_THIS_ROUND, no FALLING)")
                Instant currentRoundSince,
        @Schema(description = "Signals matching the filters, on every page") int total,
        @Schema(
                        description =
                                "Per reason, how many signals matching region and group have it (before the reason"
                                        + " filter)")
                Map<String, Integer> reasonCounts,
        int page,
        int size,
        List<RiskView> risks) {}
