package fi.tilannekuva.kit.outbox;

import fi.tilannekuva.kit.outbox.OutboxStore.Backlog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox backlog as numbers, published as the gauges {@code <service>_outbox_pending} and
 * {@code <service>_outbox_oldest_age_seconds} at /q/metrics ({@code <service>}: the application name without
 * {@code -service}, e.g. {@code status_outbox_pending}); Quarkus binds every {@link MeterBinder} bean.
 */
@ApplicationScoped
public class OutboxMonitor implements MeterBinder {

    @Inject
    OutboxStore outbox;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @Override
    public void bindTo(MeterRegistry registry) {
        String prefix = applicationName.replaceFirst("-service$", "");
        // Read at each scrape (one small indexed query each): the backlog is shared by every replica.
        Gauge.builder(prefix + ".outbox.pending", this, OutboxMonitor::pendingEvents)
                .description("Events written but not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder(prefix + ".outbox.oldest.age", this, OutboxMonitor::oldestPendingAgeSeconds)
                .description("How long the oldest unsent event has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    /** The current backlog (one query). */
    public Backlog backlog() {
        return outbox.backlog();
    }

    /** How many events are written but not yet acknowledged by the broker. */
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
