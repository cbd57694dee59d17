package fi.tilannekuva.situation.projection.service;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Rebuilds the projection from the topics while the service runs. */
@ApplicationScoped
public class RebuildService {

    private static final List<String> CHANNELS = List.of("roadmap-published", "status-changed");

    @Inject
    ProjectionService projection;

    @Inject
    KafkaClientService kafka;

    @Inject
    CatchUp catchUp;

    @Inject
    Clock clock;

    /**
     * Empties the projection and moves both consumers to the beginning of their topics. Records already fetched are
     * applied idempotently; the picture is complete again when the consumers have re-read the topics. Band-change
     * events are held back until they have.
     *
     * @return when the rebuild started
     */
    public Instant rebuild() {
        Instant started = clock.instant();
        // Every partition of both topics is marked as replaying BEFORE the projection is emptied: otherwise the
        // roadmap consumer could catch up while status-changed is not yet marked, compare the bands of an empty
        // projection and publish every cell as changed (and again once the statuses are back).
        for (String channel : CHANNELS) {
            onPollingThread(channel, client -> {
                var assignment = client.assignment();
                var ends = client.endOffsets(assignment);
                for (TopicPartition partition : assignment) {
                    catchUp.assigned(partition.topic(), partition.partition(), 0, ends.getOrDefault(partition, 0L));
                }
            });
        }
        projection.truncate();
        for (String channel : CHANNELS) {
            onPollingThread(channel, client -> client.seekToBeginning(client.assignment()));
        }
        return started;
    }

    private void onPollingThread(String channel, java.util.function.Consumer<Consumer<Object, Object>> action) {
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer(channel);
        consumer.runOnPollingThread(action).await().atMost(Duration.ofSeconds(30));
    }
}
