package fi.tilannekuva.situation.summary.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** The part of status-service's {@code GET /api/v1/rounds/{id}/completeness} the summary reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoundCompleteness(National national, List<Unit> units) {

    /** The whole country in the round. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record National(int units, int onTime, int late, int missing, int onTimePercent, Integer coveragePercent) {}

    /** One unit in the round. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(
            String region,
            String timeliness,
            Instant firstAt,
            int tracked,
            int covered,
            Integer coveragePercent,
            Instant exceptionUntil) {}
}
