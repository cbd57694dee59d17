package fi.tilannekuva.kit.problem;

import fi.tilannekuva.kit.problem.Problem.ProblemError;
import java.util.ArrayList;
import java.util.List;

/**
 * The page a list request asks for, read from its {@code page} and {@code size} query parameters the same way in every
 * service: whole numbers, {@code page} from 0, {@code size} from 1 to the list's maximum, and never a page whose offset
 * passes the largest the database can take (an overflow was a 500).
 *
 * @param page the page index, from 0
 * @param size the page size
 */
public record PageRequest(int page, int size) {

    /**
     * The page asked for, or null with each bad parameter named in {@code errors} (for a resource that names every bad
     * parameter of a request in one answer).
     *
     * @param page the {@code page} parameter, null or blank for 0
     * @param size the {@code size} parameter, null or blank for {@code defaultSize}
     */
    public static PageRequest parse(String page, String size, int defaultSize, int maxSize, List<ProblemError> errors) {
        Integer index = page == null || page.isBlank() ? Integer.valueOf(0) : whole(page);
        Integer length = size == null || size.isBlank() ? Integer.valueOf(defaultSize) : whole(size);
        int before = errors.size();
        if (index == null || index < 0) {
            errors.add(ProblemError.parameter(
                    "page", "must be a whole number, 0 or more, was '" + Problem.bounded(page) + "'"));
        }
        if (length == null || length < 1 || length > maxSize) {
            errors.add(ProblemError.parameter(
                    "size", "must be a whole number from 1 to " + maxSize + ", was '" + Problem.bounded(size) + "'"));
        }
        if (errors.size() == before && (long) index * length > Integer.MAX_VALUE) {
            errors.add(ProblemError.parameter("page", "page × size must stay below " + Integer.MAX_VALUE));
        }
        return errors.size() == before ? new PageRequest(index, length) : null;
    }

    /** The page asked for; a 400 problem naming each bad parameter otherwise. */
    public static PageRequest parse(String page, String size, int defaultSize, int maxSize) {
        List<ProblemError> errors = new ArrayList<>();
        PageRequest request = parse(page, size, defaultSize, maxSize, errors);
        if (request == null) {
            throw ProblemException.invalidParameters(errors);
        }
        return request;
    }

    private static Integer whole(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
