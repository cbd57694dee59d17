package fi.tilannekuva.situation.summary;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP server standing in for status-service's rounds ({@code GET /api/v1/rounds/{id}/completeness},
 * {@code GET /api/v1/regions/{region}/stale}) in this module's tests: it answers what a test has told it for a path,
 * 404 for any other. The real pair is tested end to end in
 * deploy/system-tests (RoundSummaryIT).
 */
public class StatusServiceStandIn implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> BODIES = new ConcurrentHashMap<>();
    private static final Map<String, Integer> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, String> AUTHORIZATIONS = new ConcurrentHashMap<>();
    private static HttpServer server;

    /** The Authorization header of the last request for a path, or null. */
    public static String lastAuthorization(String path) {
        return AUTHORIZATIONS.get(path);
    }

    /** Answers this body for the round's completeness. */
    public static void serve(String round, String json) {
        servePath("/api/v1/rounds/" + round + "/completeness", json);
    }

    /** Answers this body for a path (the query is not looked at). */
    public static void servePath(String path, String json) {
        BODIES.put(path, json);
    }

    /** Answers this status (and no body) for the round's completeness. */
    public static void fail(String round, int status) {
        FAILURES.put("/api/v1/rounds/" + round + "/completeness", status);
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/v1/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization != null) {
                    AUTHORIZATIONS.put(path, authorization);
                }
                Integer failure = FAILURES.get(path);
                String body = BODIES.get(path);
                int status = failure != null ? failure : body != null ? 200 : 404;
                byte[] bytes = (body == null || failure != null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
        }
        return Map.of(
                "quarkus.rest-client.status-service.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        // shared by every test class of the run; the JVM's exit ends it
    }
}
