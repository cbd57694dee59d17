package fi.tilannekuva.kit.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The years a date or an instant in a request may name: 1900 to 9999. Anything outside is a client's mistake, not a
 * moment of the reform, and PostgreSQL or the calendar arithmetic would fail on it (a 500 otherwise).
 */
public final class CalendarRange {

    /** What an error says about a value outside the range. */
    public static final String RULE = "must lie in the years 1900-9999";

    private static final int EARLIEST_YEAR = 1900;
    private static final int LATEST_YEAR = 9999;

    private CalendarRange() {}

    /** Whether the date lies in the years 1900-9999. */
    public static boolean contains(LocalDate date) {
        return date.getYear() >= EARLIEST_YEAR && date.getYear() <= LATEST_YEAR;
    }

    /** Whether the instant lies in the years 1900-9999 (UTC). */
    public static boolean contains(Instant instant) {
        return contains(instant.atOffset(ZoneOffset.UTC).toLocalDate());
    }
}
