package fi.tilannekuva.roadmap.service;

/**
 * One problem with a submitted roadmap: where (a JSON pointer into the document, or a CSV line), which field,
 * and what is wrong.
 */
public record Violation(String pointer, Integer line, String field, String message) {

    /** A problem at a JSON pointer. */
    public static Violation at(String pointer, String field, String message) {
        return new Violation(pointer, null, field, message);
    }

    /** A problem on a CSV line. */
    public static Violation onLine(int line, String field, String message) {
        return new Violation(null, line, field, message);
    }

    /** The same problem placed on a CSV line instead of a pointer. */
    public Violation withLine(Integer csvLine) {
        return new Violation(null, csvLine, field, message);
    }
}
