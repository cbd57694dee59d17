package fi.tilannekuva.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A small HTTP client for one service: requests with a bearer token, replies with status, headers and body. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;

    /** @param baseUrl e.g. {@code http://127.0.0.1:8082} */
    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The base URL. */
    public String baseUrl() {
        return baseUrl;
    }

    /** A GET request. */
    public Request get(String path) {
        return new Request("GET", path);
    }

    /** A POST request. */
    public Request post(String path) {
        return new Request("POST", path);
    }

    /** A request of any method. */
    public Request request(String method, String path) {
        return new Request(method, path);
    }

    /** A request being built. */
    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private Duration timeout = Duration.ofSeconds(30);

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** {@code Authorization: Bearer <token>} unless the token is null. */
        public Request bearer(String token) {
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return this;
        }

        /** Any header. */
        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body from any value (a JSON text is sent as it is). */
        public Request json(Object value) {
            return body("application/json", value instanceof String text ? text : Json.write(value));
        }

        /** A body of a content type (null: no Content-Type header). */
        public Request body(String contentType, String text) {
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            body = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
            return this;
        }

        /** A raw body of a content type. */
        public Request body(String contentType, byte[] bytes) {
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        /** How long to wait for the answer (default 30 s). */
        public Request timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Sends the request and waits for the whole answer. */
        public Reply send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(timeout)
                    .method(method, body);
            headers.forEach(builder::header);
            try {
                HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(
                        method + " " + path,
                        response.statusCode(),
                        response.headers().map(),
                        response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + baseUrl + path + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /**
     * An answer.
     *
     * @param request what was asked, for messages
     * @param status the HTTP status
     * @param headers the response headers (names in lower case)
     * @param body the body text
     */
    public record Reply(String request, int status, Map<String, java.util.List<String>> headers, String body) {

        /** The body as JSON. */
        public JsonNode json() {
            return Json.parse(body);
        }

        /** A header's first value. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        /** The media type without parameters, or "" when absent. */
        public String mediaType() {
            return header("Content-Type").map(v -> v.split(";")[0].trim()).orElse("");
        }

        /** A one-line description for assertion messages. */
        @Override
        public String toString() {
            return request + " -> " + status + " " + mediaType() + " " + Json.abbreviate(body);
        }
    }
}
