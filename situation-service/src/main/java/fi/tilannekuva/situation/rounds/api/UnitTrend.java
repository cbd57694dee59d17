package fi.tilannekuva.situation.rounds.api;

import fi.tilannekuva.kit.reform.Group;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One unit's trend per group over the rounds, oldest round first, and the change of the latest round against the one
 * before it in percentage points.
 */
public record UnitTrend(
        @Schema(example = "lappi") String region,
        Map<String, String> name,
        Map<Group, List<TrendPoint>> groups,
        @Schema(
                        description = "per group: latest minus previous round, in percentage points of the integer"
                                + " percents; a figure is null when either round has none")
                Map<Group, TrendChange> change) {

    /** The change between the last two rounds. */
    public record TrendChange(
            @Schema(nullable = true, example = "5") Integer progressPoints,
            @Schema(nullable = true, example = "-2") Integer donePoints) {}
}
