package fi.tilannekuva.roadmap.messaging;

import fi.tilannekuva.roadmap.config.RoadmapConfig;
import fi.tilannekuva.roadmap.repository.OutboxEventEntity;
import fi.tilannekuva.roadmap.repository.OutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Relays outbox rows to Kafka: woken after each commit that wrote one, and sweeping periodically for rows a
 * broker outage (or a crash) left behind. A row is marked sent only after the broker acknowledged it
 * ({@code acks=all}, idempotent producer), so an outage delays events and never loses them; a crash between
 * the acknowledgement and the commit resends one event (at least once).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxRepository outbox;

    @Inject
    TopicSetup topics;

    @Inject
    RoadmapConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** One thread: rounds in this replica never overlap; other replicas are kept apart by SKIP LOCKED. */
    private ScheduledExecutorService executor;

    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.outbox().sweepInterval().toMillis();
        executor.scheduleWithFixedDelay(this::relaySafely, 0, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
        closeProducer();
    }

    /** Runs a round as soon as the transaction that wrote to the outbox has committed. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake();
    }

    /** Asks for a relay round now (in the relay's own thread). */
    public void wake() {
        if (executor != null && !executor.isShutdown()) {
            executor.execute(this::relaySafely);
        }
    }

    private void relaySafely() {
        try {
            int sent;
            do {
                sent = relayOnce();
            } while (sent == config.outbox().batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay round failed, retrying in the next round: %s", e.toString());
        }
    }

    /**
     * Sends the oldest pending events in one transaction, in order, stopping at the first the broker does not
     * acknowledge (it stays pending with its error recorded).
     *
     * @return how many events were acknowledged
     */
    int relayOnce() {
        if (!topics.ensureTopic()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxEventEntity> pending =
                    outbox.lockOldestPending(config.outbox().batchSize());
            int sent = 0;
            for (OutboxEventEntity event : pending) {
                try {
                    send(event);
                    event.sentAt = Instant.now();
                    sent++;
                } catch (Exception e) {
                    event.attempts++;
                    event.lastError = e.toString();
                    LOG.warnf("Event %s (key %s) not acknowledged yet: %s", event.id, event.eventKey, e);
                    // A producer that timed out may hold a broken idempotence state: start afresh next time.
                    closeProducer();
                    break;
                }
            }
            return sent;
        });
    }

    private void send(OutboxEventEntity event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, null, event.eventKey, event.payload);
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer().send(record).get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "roadmap-service-outbox");
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
            properties.put(
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.outbox().maxMessageBytes());
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(1));
            producer = null;
        }
    }
}
