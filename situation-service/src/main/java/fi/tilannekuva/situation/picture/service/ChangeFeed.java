package fi.tilannekuva.situation.picture.service;

import fi.tilannekuva.situation.projection.repository.StatusRepository;
import fi.tilannekuva.situation.projection.service.ProjectionChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells open dashboards that the picture changed with a {@code changed} server-sent event, at most one per second: at
 * once after a commit when none went out in the last second (a change in a quiet moment is on the screen in
 * milliseconds, not up to a second later), otherwise as soon as that second has passed, so a replay of thousands of
 * events is still a handful of pushes. Only when an applied event has committed since the last one.
 */
@ApplicationScoped
public class ChangeFeed {

    /** The least time between two announcements. */
    static final long SPACING_NANOS = Duration.ofSeconds(1).toNanos();

    @Inject
    PictureCache cache;

    @Inject
    StatusRepository statuses;

    private Sse sse;
    private volatile SseBroadcaster broadcaster;
    private long announced = -1;
    private long announcedAt = System.nanoTime() - SPACING_NANOS;

    /** Adds a client; it receives the next change. */
    public synchronized void register(SseEventSink sink, Sse sse) {
        if (broadcaster == null) {
            this.sse = sse;
            announced = cache.generation();
            broadcaster = sse.newBroadcaster();
        }
        broadcaster.register(sink);
    }

    /**
     * The leading edge: announces a committed change at once if the last announcement is a second old, on a worker
     * thread (not the consumer's). After the cache's own observer, so the generation it reads has moved.
     */
    void onCommitted(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(PictureCache.INVALIDATE_PRIORITY + 1)
                    ProjectionChanged changed) {
        if (broadcaster != null) {
            Infrastructure.getDefaultWorkerPool().execute(this::announce);
        }
    }

    /** The trailing edge: what changed within the second after an announcement, and other replicas' changes. */
    @Scheduled(every = "0.2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (broadcaster != null) {
            announce();
        }
    }

    synchronized void announce() {
        long generation = cache.generation();
        long now = System.nanoTime();
        if (broadcaster == null || generation == announced || now - announcedAt < SPACING_NANOS) {
            return;
        }
        announced = generation;
        announcedAt = now;
        Instant newest = QuarkusTransaction.requiringNew().call(() -> statuses.newestRecordedAt(null));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("newestEventAt", newest == null ? null : newest.toString());
        data.put("generation", generation);
        broadcaster.broadcast(sse.newEventBuilder()
                .name("changed")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Map.class, data)
                .build());
    }
}
