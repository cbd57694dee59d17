package fi.tilannekuva.status.messaging;

import fi.tilannekuva.status.repository.OutboxRepository;
import fi.tilannekuva.status.repository.OutboxRepository.Backlog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * The outbox backlog as numbers, also published as the gauges {@code status_outbox_pending} and
 * {@code status_outbox_oldest_age_seconds} at /q/metrics (Quarkus binds every {@link MeterBinder} bean).
 */
@ApplicationScoped
public class OutboxMonitor implements MeterBinder {

    @Inject
    OutboxRepository outbox;

    @Override
    public void bindTo(MeterRegistry registry) {
        // Read at each scrape (one small indexed query each): the backlog is shared by every replica.
        Gauge.builder("status.outbox.pending", this, OutboxMonitor::pendingEvents)
                .description("status-changed events written but not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("status.outbox.oldest.age", this, OutboxMonitor::oldestPendingAgeSeconds)
                .description("How long the oldest unsent status-changed event has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

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
