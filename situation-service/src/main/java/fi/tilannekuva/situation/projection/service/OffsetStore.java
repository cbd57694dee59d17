package fi.tilannekuva.situation.projection.service;

import fi.tilannekuva.situation.projection.repository.ConsumedOffsetEntity;
import fi.tilannekuva.situation.projection.repository.OffsetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** The consumed positions stored with the projection, for the consumers' rebalance listener. */
@ApplicationScoped
public class OffsetStore {

    @Inject
    OffsetRepository offsets;

    @Inject
    ProjectionService projection;

    /**
     * The stored next offsets of a topic's partitions.
     *
     * @param topic the topic
     * @return one row per partition ever consumed (none after a rebuild)
     */
    @Transactional
    public List<ConsumedOffsetEntity> of(String topic) {
        return offsets.ofTopic(topic);
    }

    /** Empties the projection before the consumers position themselves (the rebuild-on-start flag). */
    public void truncateProjection() {
        projection.truncate();
    }
}
