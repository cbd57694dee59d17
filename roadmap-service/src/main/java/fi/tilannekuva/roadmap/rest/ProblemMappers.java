package fi.tilannekuva.roadmap.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fi.tilannekuva.roadmap.rest.Problem.ProblemError;
import fi.tilannekuva.roadmap.service.RoadmapRejected;
import fi.tilannekuva.roadmap.service.VersionNotFound;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an {@code application/problem+json} answer: bad input is a 4xx naming what is wrong. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response rejected(RoadmapRejected e) {
        List<ProblemError> errors = e.violations().stream()
                .map(v -> new ProblemError(v.pointer(), v.line(), v.field(), v.message()))
                .toList();
        return answer(new Problem(
                Problem.type("invalid-roadmap"),
                "The roadmap document is invalid",
                422,
                errors.size() + " problem(s) found; nothing was stored.",
                errors));
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQuery e) {
        return answer(new Problem(
                Problem.type("invalid-query"),
                "Invalid query parameters",
                400,
                e.errors().stream().map(ProblemError::message).collect(Collectors.joining("; ")),
                e.errors()));
    }

    // Listed one by one: each must outrank the built-in mapper Quarkus has for the same subclass.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class
    })
    public Response unreadableJson(JsonProcessingException e) {
        String pointer = null;
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                path.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
                field = ref.getFieldName() != null ? ref.getFieldName() : field;
            }
            pointer = path.toString();
        }
        String message = e.getOriginalMessage();
        return answer(new Problem(
                Problem.type("unreadable-json"),
                "The request body is not readable JSON of the expected shape",
                400,
                message,
                List.of(new ProblemError(pointer, null, field, message))));
    }

    @ServerExceptionMapper
    public Response versionNotFound(VersionNotFound e) {
        return answer(Problem.of("not-found", "Not found", 404, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return answer(Problem.of("not-found", "Not found", 404, "No resource at this path"));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(answer(Problem.of(
                        "unauthorized",
                        "Authentication required",
                        401,
                        "Send a valid bearer token (a JWT with the role roadmap-admin for writes).")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(Problem.of("forbidden", "Forbidden", 403, "Publishing a roadmap needs the role roadmap-admin."));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return answer(Problem.of(
                "unsupported-media-type",
                "Unsupported media type",
                415,
                "Send application/json (a roadmap document) or text/csv (one row per subtask)."));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return answer(Problem.of(
                "not-acceptable",
                "Not acceptable",
                406,
                "This resource is available as application/json or text/csv."));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Response.fromResponse(answer(Problem.of(
                        "method-not-allowed", "Method not allowed", 405, "This path does not support the method.")))
                .allow(e.getResponse().getAllowedMethods())
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus wraps some Jackson failures (unparseable JSON, too deep nesting) in a plain 400
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return answer(Problem.of(
                "http-" + status,
                Response.Status.fromStatusCode(status) == null
                        ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase(),
                status,
                status >= 500 ? "The request could not be completed." : e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseDown.causes(e)) {
            LOG.warn("Database unavailable: " + e);
            return DatabaseDown.answer(answer(Problem.of(
                    "unavailable",
                    "Service unavailable",
                    503,
                    "The database cannot be reached; nothing was stored. Try again shortly.")));
        }
        LOG.error("Unexpected failure", e);
        return answer(Problem.of(
                "internal", "Internal error", 500, "The request could not be completed; nothing was stored."));
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
