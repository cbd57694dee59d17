package fi.tilannekuva.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Refuses, before any resource sees them and with a problem+json body, the requests no resource can serve:
 *
 * <ul>
 *   <li>a request target longer than {@value #MAX_TARGET} characters is a 414, headers of more than {@value
 *       #MAX_HEADERS} bytes together a 431 (the HTTP codec's own limits are set higher, in each service's
 *       configuration, so that these answers come from here; past the codec's limits it still answers with a bare
 *       status and closes the connection);
 *   <li>a cross-origin request from an origin the service does not allow ({@code quarkus.http.cors.origins}; none
 *       outside development) is a 403, before Quarkus's CORS filter would refuse it with an empty body;
 *   <li>a path with an encoded NUL or other control character (e.g. {@code /subtasks/ICT%00Y/history}; no unit,
 *       subtask or round id contains one, and PostgreSQL refuses NUL in a text parameter) is a 400;
 *   <li>a body sent without a {@code Content-Type} is a 415 (it would otherwise be read as JSON by guess).
 * </ul>
 */
@ApplicationScoped
public class RequestGuard {

    /**
     * A filter's priority: above Quarkus's CORS filter (300) and authentication (200), so that this answers first; the
     * filters run on the main router, before every route of the application.
     */
    private static final int PRIORITY = 400;

    /** The longest request target (path and query) served. */
    public static final int MAX_TARGET = 4096;

    /** The most header bytes (names, values and their separators) served. */
    public static final int MAX_HEADERS = 16 * 1024;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
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
        byte[] longTarget = json(Problem.of(
                "uri-too-long",
                "URI Too Long",
                414,
                "The request target is longer than " + MAX_TARGET + " characters; no resource needs one so long."));
        byte[] largeHeaders = json(Problem.of(
                "header-fields-too-large",
                "Request Header Fields Too Large",
                431,
                "The request's headers are larger than " + MAX_HEADERS + " bytes together."));
        byte[] foreignOrigin = json(Problem.of(
                "origin-not-allowed",
                "Origin not allowed",
                403,
                "Cross-origin requests from this Origin are not allowed; call the API from a server, or from the "
                        + "service's own pages."));
        CorsOrigins origins = CorsOrigins.fromConfig();
        filters.register(
                context -> {
                    HttpServerRequest request = context.request();
                    if (request.uri().length() > MAX_TARGET) {
                        refuse(context.response(), 414, longTarget);
                    } else if (headerBytes(request) > MAX_HEADERS) {
                        refuse(context.response(), 431, largeHeaders);
                    } else if (!origins.allows(request)) {
                        refuse(context.response(), 403, foreignOrigin);
                    } else if (hasControlCharacter(context.request().path())) {
                        context.response()
                                .setStatusCode(400)
                                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                                .end(Buffer.buffer(badPath));
                    } else if (hasBody(context.request())
                            && context.request().getHeader(HttpHeaders.CONTENT_TYPE) == null) {
                        context.response()
                                .setStatusCode(415)
                                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                                .putHeader(HttpHeaders.CONNECTION, "close")
                                .end(Buffer.buffer(noType));
                    } else {
                        context.next();
                    }
                },
                PRIORITY);
    }

    private static void refuse(HttpServerResponse response, int status, byte[] problem) {
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(problem));
    }

    /** The size of the request's headers as sent: each name, ": ", the value and CRLF. */
    static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (var header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
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
