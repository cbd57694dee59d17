package fi.tilannekuva.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The body of {@code POST /api/v1/reports} (CONTRACT.md).
 *
 * @param region the reporting unit
 * @param reportedAt when the unit's statuses held
 * @param items one item or a whole round
 */
public record Report(String region, Instant reportedAt, List<Item> items) {

    /** A report; its instant kept to the microsecond, the precision status-service stores (and requires). */
    public Report {
        reportedAt = reportedAt == null ? null : reportedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * One subtask's status.
     *
     * @param subtask the subtask id
     * @param status one of {@link Units#STATUSES}
     * @param comment free text or null
     * @param supportNeeded whether the unit asks for support
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String subtask, String status, String comment, Boolean supportNeeded) {

        /** An item without comment or support request. */
        public static Item of(String subtask, String status) {
            return new Item(subtask, status, null, false);
        }
    }
}
