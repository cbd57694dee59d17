package fi.tilannekuva.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Refuses, before any resource sees them, two kinds of request no resource can serve: a path with an encoded NUL or
 * other control character (e.g. {@code /subtasks/ICT%00Y/history}; no unit, subtask or round id contains one, and
 * PostgreSQL refuses NUL in a text parameter) is a 400, and a body sent without a {@code Content-Type} is a 415 (it
 * would otherwise be read as JSON by guess).
 */
@ApplicationScoped
public class RequestGuard {

    /** Before the body limit and every other route. */
    private static final int ORDER = -4;

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        byte[] badPath = json(Problem.of(
                "invalid-path",
                "Invalid path",
                400,
                "The path contains a control character (such as an encoded NUL); no resource has one."));
        byte[] noType = json(Problem.of(
                "unsupported-media-type",
                "Unsupported Media Type",
                415,
                "The request has a body but no Content-Type; send application/json (or text/csv where accepted)."));
        router.route().order(ORDER).handler(context -> {
            if (hasControlCharacter(context.request().path())) {
                context.response()
                        .setStatusCode(400)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end(Buffer.buffer(badPath));
            } else if (hasBody(context.request()) && context.request().getHeader(HttpHeaders.CONTENT_TYPE) == null) {
                context.response()
                        .setStatusCode(415)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Buffer.buffer(noType));
            } else {
                context.next();
            }
        });
    }

    /** Whether the raw path holds a control character, as itself or percent-encoded (%00-%1F, %7F). */
    static boolean hasControlCharacter(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
            if (c == '%' && i + 2 < rawPath.length()) {
                String hex = rawPath.substring(i + 1, i + 3).toLowerCase(Locale.ROOT);
                if (hex.charAt(0) == '0' || hex.charAt(0) == '1' || hex.equals("7f")) {
                    if (Character.digit(hex.charAt(1), 16) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the request announces a body: a non-zero Content-Length or a chunked one. */
    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private byte[] json(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
