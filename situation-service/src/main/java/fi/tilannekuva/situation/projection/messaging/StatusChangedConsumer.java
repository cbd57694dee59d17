package fi.tilannekuva.situation.projection.messaging;

import fi.tilannekuva.kit.events.StatusChanged;
import fi.tilannekuva.situation.projection.service.ConsumedRecord;
import fi.tilannekuva.situation.projection.service.ProjectionMetrics;
import fi.tilannekuva.situation.projection.service.ProjectionService;
import io.opentelemetry.api.trace.Span;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes status-changed into the projection in batches (one transaction per polled batch). */
@ApplicationScoped
public class StatusChangedConsumer {

    @Inject
    EventReader reader;

    @Inject
    ProjectionService projection;

    @Inject
    ProjectionMetrics metrics;

    @Inject
    EventTracing tracing;

    /** Applies a polled batch; returns only after the database committed it and the offsets it reached. */
    @Incoming("status-changed")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumedRecord<StatusChanged>> read = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            read.add(reader.status(record));
        }
        List<Span> spans = tracing.startProcessing(records);
        int applied;
        try {
            applied = Retrying.untilDone(
                    "applying " + read.size() + " status-changed records", () -> projection.applyStatuses(read));
        } catch (RuntimeException | Error e) {
            EventTracing.failed(spans, e);
            throw e;
        }
        EventTracing.applied(spans);
        metrics.applied(
                "status-changed",
                applied,
                read.stream()
                        .filter(ConsumedRecord::parsed)
                        .map(r -> r.data().recordedAt())
                        .max(Comparator.naturalOrder())
                        .orElse(null));
    }
}
