package fi.tilannekuva.situation.picture.rest;

import fi.tilannekuva.kit.problem.CalendarRange;
import fi.tilannekuva.kit.problem.PageRequest;
import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Group;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Parses query parameters, collecting every problem so one 400 names them all. */
public final class Params {

    private final List<ProblemError> errors = new ArrayList<>();

    public LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (!CalendarRange.contains(date)) {
                errors.add(error(name, CalendarRange.RULE + ": " + Problem.bounded(value)));
                return null;
            }
            return date;
        } catch (Exception e) {
            errors.add(error(name, "not a date (YYYY-MM-DD): " + Problem.bounded(value)));
            return null;
        }
    }

    public Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value.strip());
            if (!CalendarRange.contains(instant)) {
                errors.add(error(name, CalendarRange.RULE + ": " + Problem.bounded(value)));
                return null;
            }
            return instant;
        } catch (Exception e) {
            errors.add(error(name, "not an RFC 3339 instant (e.g. 2021-10-31T23:59:59Z): " + Problem.bounded(value)));
            return null;
        }
    }

    public Group group(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Group.valueOf(value.strip());
        } catch (Exception e) {
            errors.add(error(name, "not one of HTT, JO, PJ, YP, ICT: " + value));
            return null;
        }
    }

    /** A whole number from min to max, or null when not given (or bad, then named). */
    public Integer whole(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.add(error(name, "must be a whole number from " + min + " to " + max + ": " + Problem.bounded(value)));
        return null;
    }

    /** The page asked for by {@code page} and {@code size}, or null when either is bad (then named). */
    public PageRequest page(String page, String size, int defaultSize, int maxSize) {
        return PageRequest.parse(page, size, defaultSize, maxSize, errors);
    }

    /**
     * The constants of an enum named by a parameter that may repeat and may list several values separated by commas.
     *
     * @return the set named, empty when none is
     */
    public <E extends Enum<E>> Set<E> constants(String name, List<String> values, Class<E> type) {
        Set<E> chosen = EnumSet.noneOf(type);
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",", -1)) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    chosen.add(Enum.valueOf(type, part.strip()));
                } catch (IllegalArgumentException e) {
                    List<String> names =
                            EnumSet.allOf(type).stream().map(Enum::name).toList();
                    errors.add(error(name, "not one of " + String.join(", ", names) + ": " + Problem.bounded(part)));
                }
            }
        }
        return chosen;
    }

    public void require(boolean condition, String name, String message) {
        if (!condition) {
            errors.add(error(name, message));
        }
    }

    /** Throws a 400 naming every problem found, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalidParameters(errors);
        }
    }

    private static ProblemError error(String name, String message) {
        return ProblemError.parameter(name, message);
    }
}
