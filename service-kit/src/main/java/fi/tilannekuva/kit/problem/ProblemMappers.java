package fi.tilannekuva.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The failures every service answers alike, as {@code application/problem+json}: unreadable JSON, authentication and
 * role refusals, the HTTP layer's own 4xx, an unreachable database (503 with Retry-After) and anything unexpected (500,
 * logged). A service adds mappers only for its own domain exceptions.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** A Java class name in Jackson's messages ({@code `fi.tilannekuva.x.Y`}): the API speaks its own names. */
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    // Listed one by one: each must outrank the built-in mapper Quarkus has for the same subclass (an empty 400).
    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        StreamReadException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class
    })
    public Response unreadableJson(JsonProcessingException e) {
        String pointer = null;
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            StringBuilder names = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append('/').append(ref.getFieldName());
                    names.append(names.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else {
                    path.append('/').append(ref.getIndex());
                    names.setLength(0); // the field is named from the innermost item on
                }
            }
            pointer = path.toString();
            field = names.isEmpty() ? null : names.toString();
        }
        String message = readable(e.getOriginalMessage());
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return Problem.of(
                        "unreadable-json",
                        "The request body is not readable JSON of the expected shape",
                        400,
                        message + where,
                        List.of(ProblemError.at(pointer, field, message)))
                .toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(Problem.of(
                                "unauthorized",
                                "Authentication required",
                                401,
                                "A valid bearer token (JWT) is required.")
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "The token's role does not allow this."
                : e.getMessage();
        return Problem.of("forbidden", "Forbidden", 403, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus wraps some Jackson failures (unparseable JSON, too deep nesting) in a plain 400
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        // The exception's message may echo the request (a path segment): the problem document does not. A service
        // that has something specific to say throws a ProblemException instead.
        Response.ResponseBuilder answer = Response.fromResponse(
                Problem.of(slug(title), title, status, title + ".").toResponse());
        if (e instanceof NotAllowedException) {
            answer.allow(e.getResponse().getAllowedMethods());
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseDown.causes(e)) {
            LOG.warnf("database unavailable: %s", e.toString());
            return Problem.of(
                            "database-unavailable",
                            "Database unavailable",
                            503,
                            "The database cannot be reached; nothing was stored. Try again shortly.")
                    .toResponse(DatabaseDown.RETRY_AFTER_SECONDS);
        }
        LOG.error("unexpected failure", e);
        return Problem.of(
                        "internal-error",
                        "Internal error",
                        500,
                        "The request could not be completed; nothing was stored. The failure has been logged.")
                .toResponse();
    }

    /** The slug of a reason phrase: "Unsupported Media Type" → "unsupported-media-type". */
    static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** Jackson's message, bounded, with Java package names left out. */
    static String readable(String message) {
        if (message == null) {
            return "The body cannot be read.";
        }
        return Problem.bounded(QUALIFIED_CLASS.matcher(message).replaceAll("$1"));
    }
}
