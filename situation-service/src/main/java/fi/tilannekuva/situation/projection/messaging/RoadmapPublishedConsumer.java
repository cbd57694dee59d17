package fi.tilannekuva.situation.projection.messaging;

import fi.tilannekuva.situation.projection.service.ProjectionMetrics;
import fi.tilannekuva.situation.projection.service.ProjectionService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes roadmap-published into the projection, one version at a time. */
@ApplicationScoped
public class RoadmapPublishedConsumer {

    @Inject
    EventReader reader;

    @Inject
    ProjectionService projection;

    @Inject
    ProjectionMetrics metrics;

    /** Applies one record; returns only after the database committed, so the record is acknowledged after that. */
    @Incoming("roadmap-published")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        var read = reader.roadmap(record);
        boolean applied = Retrying.untilDone(
                "applying roadmap-published@" + record.offset(), () -> projection.applyRoadmap(read));
        metrics.applied("roadmap-published", applied ? 1 : 0, null);
    }
}
