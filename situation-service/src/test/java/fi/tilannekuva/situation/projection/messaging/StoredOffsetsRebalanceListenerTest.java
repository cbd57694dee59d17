package fi.tilannekuva.situation.projection.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.projection.repository.ConsumedOffsetEntity;
import fi.tilannekuva.situation.projection.service.CatchUp;
import fi.tilannekuva.situation.projection.service.OffsetStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Where the consumers resume: at the offsets stored with the projection, or at the beginning after a rebuild. */
class StoredOffsetsRebalanceListenerTest {

    private static final TopicPartition P0 = new TopicPartition("status-changed", 0);
    private static final TopicPartition P1 = new TopicPartition("status-changed", 1);

    /** The stored offsets, in memory; truncation empties them as the real one empties the table. */
    private static final class Offsets extends OffsetStore {
        final List<ConsumedOffsetEntity> rows = new ArrayList<>();
        int truncations;

        @Override
        public List<ConsumedOffsetEntity> of(String topic) {
            return rows.stream().filter(row -> row.topic.equals(topic)).toList();
        }

        @Override
        public void truncateProjection() {
            truncations++;
            rows.clear();
        }

        void store(TopicPartition partition, long next) {
            ConsumedOffsetEntity row = new ConsumedOffsetEntity();
            row.id = partition.topic() + "/" + partition.partition();
            row.topic = partition.topic();
            row.partition = partition.partition();
            row.nextOffset = next;
            rows.add(row);
        }
    }

    private static SituationConfig config(boolean rebuildOnStart) {
        return new SituationConfig() {
            public ZoneId zone() {
                return ZoneId.of("Europe/Helsinki");
            }

            public LocalDate defaultDeadline() {
                return LocalDate.parse("2023-01-01");
            }

            public boolean rebuildOnStart() {
                return rebuildOnStart;
            }

            public BandEvents bandEvents() {
                return null;
            }

            public Rounds rounds() {
                return null;
            }

            public AsOfCheckpoints asOfCheckpoints() {
                return null;
            }

            public int cacheSize() {
                return 1;
            }

            public Duration cachePeerCheck() {
                return Duration.ofMillis(500);
            }
        };
    }

    private static StoredOffsetsRebalanceListener listener(Offsets offsets, CatchUp catchUp, boolean rebuild) {
        StoredOffsetsRebalanceListener listener = new StoredOffsetsRebalanceListener();
        listener.offsets = offsets;
        listener.catchUp = catchUp;
        listener.config = config(rebuild);
        return listener;
    }

    private static MockConsumer<String, String> consumer() {
        MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 120L, P1, 40L));
        return consumer;
    }

    @Test
    void aRestartResumesAfterTheLastOffsetTheDatabaseCommitted() {
        Offsets offsets = new Offsets();
        offsets.store(P0, 120);
        offsets.store(P1, 17);
        CatchUp catchUp = new CatchUp();
        MockConsumer<String, String> consumer = consumer();
        listener(offsets, catchUp, false).onPartitionsAssigned(consumer, List.of(P0, P1));
        assertEquals(120, consumer.position(P0));
        assertEquals(17, consumer.position(P1));
        assertEquals(0, offsets.truncations);
        assertTrue(catchUp.replaying(), "partition 1 has 23 records to replay");
        assertTrue(catchUp.advanced("status-changed", 1, 40), "caught up once offset 40 is applied");
    }

    @Test
    void theRebuildFlagEmptiesTheProjectionOnceAndReadsFromTheBeginning() {
        Offsets offsets = new Offsets();
        offsets.store(P0, 120);
        offsets.store(P1, 40);
        CatchUp catchUp = new CatchUp();
        StoredOffsetsRebalanceListener listener = listener(offsets, catchUp, true);
        MockConsumer<String, String> consumer = consumer();
        listener.onPartitionsAssigned(consumer, List.of(P0, P1));
        assertEquals(1, offsets.truncations);
        assertEquals(0, consumer.position(P0));
        assertEquals(0, consumer.position(P1));
        // a later rebalance (the other consumer joining, say) does not empty it again
        offsets.store(P0, 50);
        MockConsumer<String, String> again = consumer();
        listener.onPartitionsAssigned(again, List.of(P0, P1));
        assertEquals(1, offsets.truncations);
        assertEquals(50, again.position(P0));
        assertFalse(catchUp.advanced("status-changed", 0, 100));
    }
}
