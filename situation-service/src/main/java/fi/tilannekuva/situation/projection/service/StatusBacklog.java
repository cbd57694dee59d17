package fi.tilannekuva.situation.projection.service;

import fi.tilannekuva.situation.projection.repository.ConsumedOffsetEntity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Whether the projection has applied everything on status-changed up to now: the next offsets stored with the
 * projection against the ends of the topic's partitions. A round is frozen only once it has, so that the reports
 * recorded before the round closed, published before the round-closed event, are in its picture.
 */
@ApplicationScoped
public class StatusBacklog {

    private static final Logger LOG = Logger.getLogger(StatusBacklog.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.status-changed.topic")
    String topic;

    @Inject
    OffsetStore offsets;

    private Admin admin;

    /**
     * Waits until every status-changed event on the topic now is applied.
     *
     * @return true when it is; false when the timeout passed first
     */
    public boolean awaitApplied(Duration timeout) throws InterruptedException {
        Map<Integer, Long> ends;
        try {
            ends = ends();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("status-changed's end offsets could not be read (%s)", e.getMessage());
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<Integer, Long> applied = new HashMap<>();
            for (ConsumedOffsetEntity row : offsets.of(topic)) {
                applied.put(row.partition, row.nextOffset);
            }
            boolean caughtUp = ends.entrySet().stream()
                    .allMatch(end -> end.getValue() == 0 || applied.getOrDefault(end.getKey(), 0L) >= end.getValue());
            if (caughtUp) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
    }

    private synchronized Map<Integer, Long> ends() throws ExecutionException, InterruptedException, TimeoutException {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }
        List<Integer> partitions = admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .stream()
                .map(info -> info.partition())
                .toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(new TopicPartition(topic, partition), OffsetSpec.latest()));
        Map<Integer, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> entry :
                admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
            ends.put(entry.getKey().partition(), entry.getValue().offset());
        }
        return ends;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
