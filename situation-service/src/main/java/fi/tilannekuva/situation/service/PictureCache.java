package fi.tilannekuva.situation.service;

import fi.tilannekuva.situation.config.SituationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Computed pictures as served bytes with their strong ETag, dropped as soon as an applied event commits.
 *
 * <p>Dashboards poll; the picture changes only when an event is applied. So a poll between two events is a map
 * lookup, and the recount happens at most once per event burst and query.
 */
@ApplicationScoped
public class PictureCache {

    /** A served body and its strong validator. */
    public record Body(byte[] json, String etag) {}

    private record Entry(long generation, Body body) {}

    @Inject
    SituationConfig config;

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * The cached body for the key, computed when missing or older than the last applied event.
     *
     * @param key everything the body depends on besides the projection (kind, window, deadline, asOf)
     * @param compute computes the body's bytes
     */
    public Body get(String key, Supplier<byte[]> compute) {
        long current = generation.get();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation() == current) {
            return entry.body();
        }
        byte[] json = compute.get();
        Body body = new Body(json, etag(json));
        if (entries.size() >= config.cacheSize()) {
            entries.clear();
        }
        entries.put(key, new Entry(current, body));
        return body;
    }

    /** The number of projection changes committed since start: what the ETags of live pictures follow. */
    public long generation() {
        return generation.get();
    }

    void invalidate(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProjectionChanged changed) {
        generation.incrementAndGet();
        entries.clear();
    }

    /** A strong ETag: a digest of the exact bytes served. */
    public static String etag(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
