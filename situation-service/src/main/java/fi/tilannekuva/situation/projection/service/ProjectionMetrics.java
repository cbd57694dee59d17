package fi.tilannekuva.situation.projection.service;

import fi.tilannekuva.situation.projection.repository.StatusRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The projection's numbers at /q/metrics: events applied per topic ({@code situation_events_applied_total}), how old
 * the newest applied status is ({@code situation_projection_staleness_seconds}); the situation-changed backlog
 * ({@code situation_outbox_pending}) is service-kit's OutboxMonitor. Consumer lag comes from the Kafka client's own metrics, which Quarkus binds
 * ({@code kafka_consumer_fetch_manager_records_lag_max}).
 */
@ApplicationScoped
public class ProjectionMetrics implements MeterBinder {

    @Inject
    StatusRepository statuses;

    @Inject
    Clock clock;

    private MeterRegistry registry;

    /** recordedAt of the newest status applied; read from the database on the first scrape after a start. */
    private volatile Instant newestRecordedAt;

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("situation.projection.staleness", this, ProjectionMetrics::stalenessSeconds)
                .description("Now minus recordedAt of the newest status-changed event applied; 0 before any")
                .baseUnit("seconds")
                .register(registry);
    }

    /**
     * Counts applied events after their transaction committed.
     *
     * @param topic the topic they were read from
     * @param applied how many of them changed the projection (duplicates and older versions do not)
     * @param newest recordedAt of the newest of them, or null
     */
    public void applied(String topic, int applied, Instant newest) {
        if (registry != null) {
            Counter.builder("situation.events.applied")
                    .description("Events that changed the projection, by topic")
                    .tag("topic", topic)
                    .register(registry)
                    .increment(applied);
        }
        if (newest != null && (newestRecordedAt == null || newest.isAfter(newestRecordedAt))) {
            newestRecordedAt = newest;
        }
    }

    private double stalenessSeconds() {
        if (newestRecordedAt == null) {
            newestRecordedAt = QuarkusTransaction.requiringNew().call(() -> statuses.newestRecordedAt(null));
        }
        Instant newest = newestRecordedAt;
        return newest == null ? 0 : Duration.between(newest, clock.instant()).toMillis() / 1000.0;
    }
}
