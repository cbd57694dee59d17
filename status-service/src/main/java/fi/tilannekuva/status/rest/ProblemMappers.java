package fi.tilannekuva.status.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fi.tilannekuva.status.service.IdempotencyConflictException;
import fi.tilannekuva.status.service.ReportMetrics;
import fi.tilannekuva.status.service.ReportRejectedException;
import fi.tilannekuva.status.service.RoadmapUnknownException;
import fi.tilannekuva.status.service.TooManyItemsException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an application/problem+json answer naming what is wrong. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Seconds a client should wait before retrying while the database is unreachable (a restart takes that long). */
    private static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    @Inject
    ReportMetrics metrics;

    @ServerExceptionMapper
    public Response rejected(ReportRejectedException e) {
        metrics.rejected(e.errors().size());
        List<Problem.Error> errors = e.errors().stream()
                .map(i -> new Problem.Error(i.index(), i.pointer(), i.field(), i.message()))
                .toList();
        return Problem.of("invalid-report", "The report has invalid items", 422, e.getMessage(), errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response roadmapUnknown(RoadmapUnknownException e) {
        return Response.fromResponse(Problem.of("roadmap-unknown", "No roadmap known yet", 503, e.getMessage(), null)
                        .toResponse())
                .header(HttpHeaders.RETRY_AFTER, "30")
                .build();
    }

    @ServerExceptionMapper
    public Response idempotencyConflict(IdempotencyConflictException e) {
        return Problem.of(
                        "idempotency-key-reused", "Idempotency-Key reused with another body", 422, e.getMessage(), null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response tooManyItems(TooManyItemsException e) {
        metrics.tooLarge();
        return Problem.of("too-many-items", "Too many items in one request", 413, e.getMessage(), null)
                .toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(Problem.of(
                                "unauthorized",
                                "Authentication required",
                                401,
                                "A valid bearer token (JWT) is required.",
                                null)
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "The token's role does not allow this."
                : e.getMessage();
        return Problem.of("forbidden", "Not allowed", 403, detail, null).toResponse();
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e) {
        String pointer = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            pointer = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
        }
        String field = pointer == null ? null : pointer.substring(pointer.lastIndexOf('/') + 1);
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return Problem.of(
                        "malformed-request",
                        "The request body is not a valid report",
                        400,
                        e.getOriginalMessage() + where,
                        List.of(new Problem.Error(null, pointer, field, e.getOriginalMessage())))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        Response.ResponseBuilder response = Response.fromResponse(
                Problem.of(title.toLowerCase().replace(' ', '-'), title, status, e.getMessage(), null)
                        .toResponse());
        Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("database unavailable: %s", e.toString());
            return Response.fromResponse(Problem.of(
                                    "database-unavailable",
                                    "Database unavailable",
                                    503,
                                    "The database cannot be reached; nothing was stored. Retry later.",
                                    null)
                            .toResponse())
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.error("unexpected failure", e);
        return Problem.of(
                        "internal-error",
                        "Internal error",
                        500,
                        "The request could not be processed; nothing was stored. Retry later.",
                        null)
                .toResponse();
    }

    /**
     * Whether a failure comes from the database being unreachable (restarting, failed over, pool exhausted) rather than
     * from a bug: such requests are worth retrying, so they get 503 with Retry-After instead of 500.
     */
    static boolean isDatabaseUnavailable(Throwable failure) {
        // the cause chain, and the suppressed exceptions on it: a commit cut by a restart ends in a RollbackException
        // that carries the driver's 57P01 as a suppressed exception, not as a cause
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                // SQLSTATE class 08: connection exception; 57P01-57P03: the server shuts down or is starting up
                // (a restart cuts the connection of a transaction in flight with 57P01)
                return true;
            }
            String message = t.getMessage();
            if (message != null
                    && (message.contains("Unable to acquire JDBC Connection")
                            || message.contains("acquisition timeout"))) {
                return true; // Hibernate's and Agroal's words for a pool that cannot get a connection
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }
}
