package fi.tilannekuva.situation.picture.service;

import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.projection.repository.OffsetRepository;
import fi.tilannekuva.situation.projection.service.ProjectionChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Computed pictures as served bytes with their strong ETag, dropped as soon as an applied event commits.
 *
 * <p>Dashboards poll; the picture changes only when an event is applied. So a poll between two events is a map
 * lookup, and the recount happens at most once per event burst and query.
 *
 * <p>With several replicas, each applies the events of its own partitions: this replica's commits drop its entries at
 * once, and the other replicas' commits are seen by comparing {@link OffsetRepository#commitToken()} at most once per
 * {@code situation.cache-peer-check} (default 500 ms), which bounds how long a replica can serve a picture another one
 * has already changed.
 */
@ApplicationScoped
public class PictureCache {

    private static final Logger LOG = Logger.getLogger(PictureCache.class);

    /** A served body and its strong validator. */
    public record Body(byte[] json, String etag) {}

    private record Entry(long generation, Body body) {}

    @Inject
    SituationConfig config;

    @Inject
    OffsetRepository offsets;

    /** The order of the cache's observer among those of a committed change: before whoever reads the generation. */
    public static final int INVALIDATE_PRIORITY = 100;

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ReentrantLock peerCheck = new ReentrantLock();
    private volatile long peerCheckedAt = System.nanoTime();
    private volatile String peerToken;

    /**
     * The cached body for the key, computed when missing or older than the last applied event.
     *
     * @param key everything the body depends on besides the projection (kind, window, deadline, asOf)
     * @param compute computes the body's bytes
     */
    public Body get(String key, Supplier<byte[]> compute) {
        followPeers();
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
        followPeers();
        return generation.get();
    }

    /** Drops every entry when another replica committed a projection change since the last check. */
    private void followPeers() {
        long now = System.nanoTime();
        if (now - peerCheckedAt < config.cachePeerCheck().toNanos() || !peerCheck.tryLock()) {
            return;
        }
        try {
            peerCheckedAt = now;
            String token = QuarkusTransaction.joiningExisting().call(offsets::commitToken);
            if (peerToken != null && !peerToken.equals(token)) {
                generation.incrementAndGet();
                entries.clear();
            }
            peerToken = token;
        } catch (RuntimeException e) {
            // the database is unreachable: the request that needs it will say so; keep serving what is cached
            LOG.debugf("checking for other replicas' changes: %s", e);
        } finally {
            peerCheck.unlock();
        }
    }

    void invalidate(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(INVALIDATE_PRIORITY)
                    ProjectionChanged changed) {
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
