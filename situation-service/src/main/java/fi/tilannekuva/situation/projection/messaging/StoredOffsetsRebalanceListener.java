package fi.tilannekuva.situation.projection.messaging;

import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.projection.repository.ConsumedOffsetEntity;
import fi.tilannekuva.situation.projection.service.CatchUp;
import fi.tilannekuva.situation.projection.service.OffsetStore;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Positions both consumers where the database says, not where Kafka's group offsets say: the offsets are committed
 * with the projection, so a restart resumes exactly after the last applied record, and an emptied projection (a
 * rebuild) reads the topics from the beginning.
 */
@ApplicationScoped
@Identifier("stored-offsets")
public class StoredOffsetsRebalanceListener implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(StoredOffsetsRebalanceListener.class);

    @Inject
    OffsetStore offsets;

    @Inject
    CatchUp catchUp;

    @Inject
    SituationConfig config;

    private final AtomicBoolean rebuiltOnStart = new AtomicBoolean();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (config.rebuildOnStart() && rebuiltOnStart.compareAndSet(false, true)) {
            offsets.truncateProjection();
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            List<ConsumedOffsetEntity> stored = offsets.of(partition.topic());
            long position = stored.stream()
                    .filter(offset -> offset.partition == partition.partition())
                    .mapToLong(offset -> offset.nextOffset)
                    .findFirst()
                    .orElse(0L);
            if (position == 0L) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, position);
            }
            catchUp.assigned(partition.topic(), partition.partition(), position, ends.getOrDefault(partition, 0L));
            LOG.infof("%s resumes at offset %d (log ends at %d)", partition, position, ends.get(partition));
        }
    }
}
