package fi.tilannekuva.situation.summary.rest;

import fi.tilannekuva.situation.summary.api.RoundSummaryView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The summary as the page shows it: names in the page's language, percents and changes written out.
 *
 * @param lang the page language
 * @param view the summary
 */
public record SummaryPage(String lang, RoundSummaryView view) {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm");

    /** A name in the page's language, Finnish when it has none. */
    public String name(Map<String, String> names) {
        return names.getOrDefault(lang, names.getOrDefault("fi", ""));
    }

    /** A unit's name by its code, from the summary's rows. */
    public String unitName(String region) {
        return view.units().stream()
                .filter(row -> row.region().equals(region))
                .findFirst()
                .map(row -> name(row.name()))
                .orElse(region);
    }

    /** "57 %", or "–" when there is no percent. */
    public String percent(Integer value) {
        return value == null ? "–" : value + " %";
    }

    /** A change in percentage points with its sign ("+12", "−3", "±0"), or "" when there is none. */
    public String change(Integer value) {
        if (value == null) {
            return "";
        }
        return value > 0 ? "+" + value : value < 0 ? "−" + (-value) : "±0";
    }

    /** A day as Finns write it. */
    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** An instant in Helsinki time. */
    public String time(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(HELSINKI));
    }
}
