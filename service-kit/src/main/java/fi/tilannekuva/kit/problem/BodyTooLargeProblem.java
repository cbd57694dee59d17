package fi.tilannekuva.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body declared larger than {@code quarkus.http.limits.max-body-size} with a 413 problem document: the HTTP
 * layer's own check (route order -2) would answer 413 with an empty body, before any REST exception mapper runs.
 */
@ApplicationScoped
public class BodyTooLargeProblem {

    /** Just before the HTTP layer's upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2). */
    private static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        byte[] body = problem(limit);
        router.route().order(ORDER).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length == null || !isOver(length, limit)) {
                context.next();
                return;
            }
            // As the HTTP layer does: the unread body is not drained, the connection is closed after the answer.
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(v -> context.request().connection().close())
                    .end(Buffer.buffer(body));
        });
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed Content-Length itself
        }
    }

    private byte[] problem(long limit) {
        try {
            return json.writeValueAsBytes(Problem.of(
                    "body-too-large",
                    "Request body too large",
                    413,
                    "The request body is larger than the " + limit + " bytes accepted; nothing was stored."));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
