package fi.tilannekuva.roadmap.rest;

import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.roadmap.service.RoadmapRejected;
import fi.tilannekuva.roadmap.service.VersionNotFound;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The problem documents of this service's own refusals; the failures every service answers alike are mapped by the
 * service kit's {@code ProblemMappers}.
 */
public class RoadmapProblems {

    @ServerExceptionMapper
    public Response rejected(RoadmapRejected e) {
        List<ProblemError> errors = e.violations().stream()
                .map(v -> new ProblemError(null, v.pointer(), v.line(), v.field(), v.message()))
                .toList();
        return Problem.of(
                        "invalid-roadmap",
                        "The roadmap document is invalid",
                        422,
                        errors.size() + " problem(s) found; nothing was stored.",
                        errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response versionNotFound(VersionNotFound e) {
        return Problem.of("not-found", "Not found", 404, e.getMessage()).toResponse();
    }
}
