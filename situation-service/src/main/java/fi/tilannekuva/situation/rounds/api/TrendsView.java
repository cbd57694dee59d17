package fi.tilannekuva.situation.rounds.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Progress and readiness per unit × group at each frozen reporting round, so that "slipping" is a figure: each round
 * as it was frozen (its own window, deadline and instant), never recomputed.
 */
public record TrendsView(
        @Schema(description = "the rounds, oldest first") List<SnapshotView> rounds, List<UnitTrend> units) {}
