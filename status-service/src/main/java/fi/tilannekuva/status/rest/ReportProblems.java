package fi.tilannekuva.status.rest;

import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.status.service.IdempotencyConflictException;
import fi.tilannekuva.status.service.ReportMetrics;
import fi.tilannekuva.status.service.ReportRejectedException;
import fi.tilannekuva.status.service.RoadmapUnknownException;
import fi.tilannekuva.status.service.TooManyItemsException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The problem documents of this service's own refusals; the failures every service answers alike are mapped by the
 * service kit's {@code ProblemMappers}.
 */
public class ReportProblems {

    /** Seconds a client should wait before retrying while no roadmap is known. */
    private static final int ROADMAP_RETRY_AFTER_SECONDS = 30;

    @Inject
    ReportMetrics metrics;

    @ServerExceptionMapper
    public Response rejected(ReportRejectedException e) {
        metrics.rejected(e.errors().size());
        List<ProblemError> errors = e.errors().stream()
                .map(i -> new ProblemError(i.index(), i.pointer(), null, i.field(), i.message()))
                .toList();
        return Problem.of("invalid-report", "The report has invalid items", 422, e.getMessage(), errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response roadmapUnknown(RoadmapUnknownException e) {
        return Problem.of("roadmap-unknown", "No roadmap known yet", 503, e.getMessage())
                .toResponse(ROADMAP_RETRY_AFTER_SECONDS);
    }

    @ServerExceptionMapper
    public Response idempotencyConflict(IdempotencyConflictException e) {
        return Problem.of("idempotency-key-reused", "Idempotency-Key reused with another body", 422, e.getMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response tooManyItems(TooManyItemsException e) {
        metrics.tooLarge();
        return Problem.of("too-many-items", "Too many items in one request", 413, e.getMessage())
                .toResponse();
    }
}
