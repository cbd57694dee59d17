package fi.tilannekuva.kit.reform;

import fi.tilannekuva.kit.problem.CalendarRange;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The id of a reporting round, made from its name the same way in every service ({@code 10/21} → {@code 10-21}), and
 * the checks of a round's name and window that the calendar and the frozen rounds share.
 */
public final class RoundIds {

    /** The longest round name: it becomes the round's id in URLs and is shown in lists. */
    public static final int MAX_NAME = 100;

    private RoundIds() {}

    /** Lowercase ASCII letters and digits, other runs of characters as one dash, none at either end. */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** Adds a problem naming {@code name} if the round's name cannot be one (blank, NUL, too long, no id). */
    public static void checkName(String name, List<ProblemError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(ProblemError.at("/name", "name", "must not be blank"));
        } else if (name.indexOf('\0') >= 0) {
            // PostgreSQL refuses NUL in text columns
            errors.add(ProblemError.at("/name", "name", "must not contain a NUL character"));
        } else if (name.length() > MAX_NAME) {
            errors.add(ProblemError.at("/name", "name", "must be at most " + MAX_NAME + " characters"));
        } else if (slug(name).isEmpty()) {
            errors.add(ProblemError.at("/name", "name", "must contain a letter or a digit"));
        }
    }

    /** Adds a problem naming {@code window…} if the progress window is missing, out of range or reversed. */
    public static void checkWindow(LocalDate from, LocalDate to, boolean given, List<ProblemError> errors) {
        if (!given || from == null || to == null) {
            errors.add(ProblemError.at("/window", "window", "from and to are required"));
        } else if (!CalendarRange.contains(from)) {
            errors.add(ProblemError.at("/window/from", "window.from", CalendarRange.RULE));
        } else if (!CalendarRange.contains(to)) {
            errors.add(ProblemError.at("/window/to", "window.to", CalendarRange.RULE));
        } else if (from.isAfter(to)) {
            errors.add(ProblemError.at("/window/to", "window.to", "must not be before window.from"));
        }
    }
}
