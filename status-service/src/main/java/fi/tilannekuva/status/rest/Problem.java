package fi.tilannekuva.status.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document, the body of every error answer.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param errors every individual problem, e.g. each bad item of a report
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Error> errors) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_BASE = "https://tilannekuva.fi/problems/";

    /**
     * One individual problem.
     *
     * @param index the index of the offending item in {@code items}, when it is about an item
     * @param pointer a JSON pointer into the request body
     * @param field the field concerned
     * @param message what is wrong
     */
    @Schema(name = "ProblemError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(Integer index, String pointer, String field, String message) {}

    /** A problem of the kind {@code slug} (appended to the project's problem type base URI). */
    public static Problem of(String slug, String title, int status, String detail, List<Error> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, errors == null ? List.of() : errors);
    }

    /** This problem as a response. */
    public Response toResponse() {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(this)
                .build();
    }
}
