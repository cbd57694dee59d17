package fi.tilannekuva.situation.bandchanges.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The data of a situation-changed event: a unit × group cell moved to another band in one measure.
 *
 * @param measure PROGRESS (started share over the configured window) or READINESS_DONE (done share against the
 *     configured deadline)
 * @param previousBand null when the cell had no band (the unit had not reported, or nothing was tracked)
 * @param band null when the cell has no band any more
 */
public record SituationChanged(
        String region,
        String group,
        String measure,
        LocalDate windowFrom,
        LocalDate windowTo,
        LocalDate deadline,
        String previousBand,
        String band,
        Integer previousPercent,
        Integer percent,
        int tracked,
        Integer count,
        Integer roadmapVersion,
        Instant changedAt) {}
