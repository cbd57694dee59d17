package fi.tilannekuva.situation.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fi.tilannekuva.situation.service.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders every error as application/problem+json (RFC 9457) with an errors array. */
public class ProblemMappers {

    /** The media type of every error body. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(Problem problem) {
        return response(problem.status(), problem.title(), problem.getMessage(), problem.errors());
    }

    // Listed one by one: each must outrank the built-in mapper Quarkus has for the same subclass (empty 400).
    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        StreamReadException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class
    })
    public Response badJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? pointer(mapping) : "";
        return response(
                400,
                "Malformed JSON",
                "The body is not the JSON this endpoint reads.",
                List.of(Map.of(
                        "pointer",
                        field,
                        "field",
                        field.replace("/", ".").replaceFirst("^\\.", ""),
                        "message",
                        e.getOriginalMessage())));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return response(401, "Unauthorized", "A valid bearer token is required.", List.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return response(401, "Unauthorized", "The bearer token is not valid.", List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(403, "Forbidden", "The token's role does not allow this.", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus wraps some Jackson failures (unparseable JSON, too deep nesting) in a plain 400
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        // the exception's message may echo the request (a path segment); the problem body does not
        return response(status, title, title + ".", List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (DatabaseDown.causes(e)) {
            LOG.warn("database unavailable: " + e);
            return DatabaseDown.answer(response(
                    503,
                    "Service Unavailable",
                    "The database cannot be reached; nothing was stored. Try again shortly.",
                    List.of()));
        }
        LOG.error("unexpected error", e);
        return response(500, "Internal Server Error", "Unexpected error; it has been logged.", List.of());
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (var reference : e.getPath()) {
            pointer.append('/')
                    .append(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
        }
        return pointer.toString();
    }

    /** A problem+json response. */
    public static Response response(int status, String title, String detail, List<Map<String, Object>> errors) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(body(status, title, detail, errors))
                .build();
    }

    /** A problem document's fields. */
    static Map<String, Object> body(int status, String title, String detail, List<Map<String, Object>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("errors", errors);
        return body;
    }
}
