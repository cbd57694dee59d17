package fi.tilannekuva.kit.problem;

import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The origins a service accepts cross-origin requests from, read from the same {@code quarkus.http.cors.origins} that
 * Quarkus's CORS filter reads and matched as the filter matches them (exact origins, {@code /regex/} entries through the
 * filter's own helpers, {@code *}; none configured: only the service's own origin), so that {@link RequestGuard} refuses exactly what the filter would, but with a problem+json body.
 * A request without an Origin header, or from the service's own origin, is always allowed.
 */
record CorsOrigins(boolean any, List<String> exact, List<Pattern> patterns) {

    static CorsOrigins fromConfig() {
        Optional<List<String>> configured =
                ConfigProvider.getConfig().getOptionalValues("quarkus.http.cors.origins", String.class);
        return new CorsOrigins(
                configured.map(origins -> origins.contains("*")).orElse(false),
                configured.orElse(List.of()),
                CORSFilter.parseAllowedOriginsRegex(configured));
    }

    boolean allows(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin == null
                || any
                || exact.contains(origin)
                || CORSFilter.isOriginAllowedByRegex(patterns, origin)
                || sameOrigin(request, origin);
    }

    /** The Origin names this very service: same scheme, host and port as the request. */
    static boolean sameOrigin(HttpServerRequest request, String origin) {
        try {
            URI from = URI.create(origin);
            if (from.getScheme() == null || from.getHost() == null || request.authority() == null) {
                return false;
            }
            String scheme = request.scheme() == null ? "http" : request.scheme();
            int requestPort =
                    request.authority().port() > 0 ? request.authority().port() : (scheme.equals("https") ? 443 : 80);
            int originPort =
                    from.getPort() > 0 ? from.getPort() : (from.getScheme().equals("https") ? 443 : 80);
            return from.getScheme().equalsIgnoreCase(scheme)
                    && from.getHost().equalsIgnoreCase(request.authority().host())
                    && originPort == requestPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
