package fi.tilannekuva.status.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.events.CloudEvents;
import fi.tilannekuva.kit.events.CloudEvents.Envelope;
import fi.tilannekuva.kit.events.RoadmapPublished;
import fi.tilannekuva.status.service.RoadmapStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads roadmap-published into this service's own tables, so that reports are validated without calling
 * roadmap-service. The record is acknowledged (and its offset committed) only after the database commit; a
 * redelivered version changes nothing.
 */
@ApplicationScoped
public class RoadmapPublishedConsumer {

    private static final Logger LOG = Logger.getLogger(RoadmapPublishedConsumer.class);
    private static final int ATTEMPTS = 6;

    @Inject
    ObjectMapper mapper;

    @Inject
    RoadmapStore roadmaps;

    /**
     * Stores one roadmap-published event.
     *
     * @param value the CloudEvents JSON document (structured mode), or null for a tombstone
     */
    @Incoming("roadmap-published")
    @Blocking
    public void consume(String value) throws InterruptedException {
        if (value == null) {
            return;
        }
        String id;
        RoadmapPublished data;
        try {
            Envelope event = CloudEvents.read(mapper, value, RoadmapPublished.TYPE);
            id = event.id();
            data = mapper.treeToValue(event.data(), RoadmapPublished.class);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            // A document that cannot be read now never will be: log it and go on rather than block the topic.
            LOG.errorf("unreadable roadmap-published record skipped: %s", e.getMessage());
            return;
        }
        storeWithRetry(id, data);
    }

    private void storeWithRetry(String id, RoadmapPublished data) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                roadmaps.store(data, id);
                return;
            } catch (IllegalArgumentException e) {
                LOG.errorf("roadmap-published event %s skipped: %s", id, e.getMessage());
                return;
            } catch (RuntimeException e) {
                // The database may be restarting: retry before failing the channel (which would stop consumption).
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("storing roadmap event %s failed (attempt %d): %s", id, attempt, e.getMessage());
                Thread.sleep(500L << attempt);
            }
        }
    }
}
