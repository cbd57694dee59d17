package fi.tilannekuva.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document, the body of every error answer of every service: one {@code type} base, one shape,
 * always an {@code errors} array (empty when the problem has no parts).
 *
 * @param type a URI naming the kind of problem ({@link #TYPE_BASE} + a slug)
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param errors every individual problem, e.g. each bad item of a report or each bad query parameter
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json).")
public record Problem(
        @Schema(examples = "https://tilannekuva.fi/problems/invalid-report") String type,
        @Schema(examples = "The report has invalid items") String title,
        @Schema(examples = "422") int status,
        @Schema(examples = "1 item(s) are invalid; nothing was stored.") String detail,
        @Schema(description = "Every individual problem; empty when there is only the one above.")
                List<ProblemError> errors) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The base of every problem {@code type} URI. */
    public static final String TYPE_BASE = "https://tilannekuva.fi/problems/";

    /** The most characters of caller input an error repeats; longer input is cut and marked. */
    public static final int MAX_ECHO = 200;

    /** The most individual errors one problem lists; a body of 5,000 bad items answers with the first ones. */
    public static final int MAX_ERRORS = 100;

    /** A problem; a list of errors longer than {@link #MAX_ERRORS} is cut, and the detail says so. */
    public Problem {
        if (errors == null) {
            errors = List.of();
        } else if (errors.size() > MAX_ERRORS) {
            detail = (detail == null ? "" : detail + " ") + "(the first " + MAX_ERRORS + " of " + errors.size()
                    + " errors are listed)";
            errors = List.copyOf(errors.subList(0, MAX_ERRORS));
        } else {
            errors = List.copyOf(errors);
        }
    }

    /** A problem of the kind {@code slug} with its individual errors. */
    public static Problem of(String slug, String title, int status, String detail, List<ProblemError> errors) {
        return new Problem(type(slug), title, status, detail, errors);
    }

    /** A problem of the kind {@code slug} without individual errors. */
    public static Problem of(String slug, String title, int status, String detail) {
        return of(slug, title, status, detail, List.of());
    }

    /** The type URI of a problem kind. */
    public static String type(String slug) {
        return TYPE_BASE + slug;
    }

    /** This problem as an answer. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** This problem as an answer asking the client to retry after {@code seconds}. */
    public Response toResponse(int retryAfterSeconds) {
        return Response.fromResponse(toResponse())
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .build();
    }

    /** {@code text} cut to {@link #MAX_ECHO} characters, so that an error never repeats a huge input in full. */
    public static String bounded(String text) {
        if (text == null || text.length() <= MAX_ECHO) {
            return text;
        }
        return text.substring(0, MAX_ECHO) + "… (" + text.length() + " characters)";
    }

    /**
     * One individual problem: where (item index, JSON pointer, CSV line or query parameter), which field, what.
     *
     * @param index the index of the offending item in {@code items}, when it is about an item
     * @param pointer a JSON pointer into the request body, or {@code ?name} for a query parameter
     * @param line the CSV line (1 = the header), when the body is CSV
     * @param field the field concerned, as the API names it
     * @param message what is wrong
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProblemError")
    public record ProblemError(
            @Schema(examples = "2") Integer index,
            @Schema(examples = "/items/2/status") String pointer,
            @Schema(examples = "7") Integer line,
            @Schema(examples = "status") String field,
            @Schema(examples = "must be one of NOT_STARTED, IN_PROGRESS, ON_SCHEDULE, DELAYED, DONE") String message) {

        /** An error at a JSON pointer, naming the field. */
        public static ProblemError at(String pointer, String field, String message) {
            return new ProblemError(null, pointer, null, field, message);
        }

        /** An error about a query parameter. */
        public static ProblemError parameter(String name, String message) {
            return new ProblemError(null, "?" + name, null, name, message);
        }
    }
}
