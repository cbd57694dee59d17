package fi.tilannekuva.status.messaging;

import fi.tilannekuva.status.repository.OutboxRepository;
import fi.tilannekuva.status.repository.OutboxRepository.Backlog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * The outbox backlog as numbers, ready to be registered as gauges (e.g. with Micrometer:
 * {@code Gauge.builder("status.outbox.pending", monitor, OutboxMonitor::pendingEvents)}).
 */
@ApplicationScoped
public class OutboxMonitor {

    @Inject
    OutboxRepository outbox;

    /** The current backlog (one query). */
    public Backlog backlog() {
        return outbox.backlog();
    }

    /** How many status-changed events are written but not yet acknowledged by the broker. */
    public double pendingEvents() {
        return backlog().pending();
    }

    /** How long the oldest unsent event has waited, in seconds; 0 when none waits. */
    public double oldestPendingAgeSeconds() {
        return ageSeconds(backlog().oldestCreatedAt());
    }

    /** Seconds from {@code since} to now, 0 for null. */
    static double ageSeconds(Instant since) {
        return since == null ? 0 : Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
