package fi.tilannekuva.situation.picture.service;

import fi.tilannekuva.situation.projection.repository.StatusRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells open dashboards that the picture changed: at most one {@code changed} server-sent event per second, and only
 * when an applied event has committed since the last one, so a replay of thousands of events is a handful of pushes.
 */
@ApplicationScoped
public class ChangeFeed {

    @Inject
    PictureCache cache;

    @Inject
    StatusRepository statuses;

    private Sse sse;
    private SseBroadcaster broadcaster;
    private long announced = -1;

    /** Adds a client; it receives the next change. */
    public synchronized void register(SseEventSink sink, Sse sse) {
        if (broadcaster == null) {
            this.sse = sse;
            broadcaster = sse.newBroadcaster();
            announced = cache.generation();
        }
        broadcaster.register(sink);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void announce() {
        long generation = cache.generation();
        if (broadcaster == null || generation == announced) {
            return;
        }
        announced = generation;
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
