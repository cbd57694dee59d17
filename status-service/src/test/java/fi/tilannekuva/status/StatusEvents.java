package fi.tilannekuva.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.local.LocalInfra;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the status-changed events of one unit from the real broker, from the beginning of the topic. */
public final class StatusEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusEvents() {}

    /**
     * Waits until at least {@code count} events with key {@code region} are on the topic, then waits a little more
     * for any extra one, and returns them all in topic order.
     */
    public static List<ConsumerRecord<String, String>> await(String region, int count) {
        return await(region, count, Duration.ofSeconds(60));
    }

    /** As {@link #await(String, int)} with a chosen timeout. */
    public static List<ConsumerRecord<String, String>> await(String region, int count, Duration timeout) {
        return await(region, count, timeout, value -> true);
    }

    /** As {@link #await(String, int)} with a chosen timeout, counting only records whose value passes a filter. */
    public static List<ConsumerRecord<String, String>> await(
            String region, int count, Duration timeout, Predicate<String> value) {
        return await("status-changed", region, count, timeout, value);
    }

    /** As {@link #await(String, int, Duration, Predicate)} on another topic this service writes. */
    public static List<ConsumerRecord<String, String>> await(
            String topic, String key, int count, Duration timeout, Predicate<String> value) {
        String region = key;
        try (KafkaCompanion companion = new KafkaCompanion(LocalInfra.shared().bootstrapServers())) {
            ConsumerTask<String, String> task = companion
                    .consumeStrings()
                    .withGroupId("test-" + UUID.randomUUID())
                    .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                    .fromTopics(topic, m -> m.select().where(r -> region.equals(r.key()) && value.test(r.value())));
            task.awaitRecords(count, timeout);
            try {
                task.awaitNextRecord(Duration.ofMillis(1500));
            } catch (AssertionError | RuntimeException expected) {
                // No extra record: what the callers usually expect.
            }
            List<ConsumerRecord<String, String>> records = task.getRecords();
            task.stop();
            return records;
        }
    }

    /** The JSON of a record value. */
    public static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
