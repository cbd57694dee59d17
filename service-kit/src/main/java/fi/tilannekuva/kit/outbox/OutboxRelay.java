package fi.tilannekuva.kit.outbox;

import fi.tilannekuva.kit.events.CloudEvents;
import fi.tilannekuva.kit.outbox.OutboxStore.PendingEvent;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in the order they were written, marking them sent only after the broker
 * acknowledged them (idempotent producer, {@code acks=all}, the acknowledgements of a batch awaited together). One
 * replica relays at a time (a PostgreSQL session lock elects it), so each key's order holds with several replicas; no
 * transaction is held while it waits for the broker. Woken right after a commit that wrote rows, and otherwise every
 * sweep interval. A crash between the acknowledgement and the mark resends those events: consumers de-duplicate.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxStore outbox;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxTracing tracing;

    @Inject
    Instance<TopicProvisioner> topics;

    @Inject
    Event<RelayHousekeeping> housekeeping;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean leader;
    private volatile Instant lastPublishedAt;
    private volatile String lastError;
    private boolean topicsReady;
    private Thread thread;
    private Producer<String, String> producer;
    private Connection connection;

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled on this instance");
            return;
        }
        producer = new KafkaProducer<>(producerProperties());
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            wakeUp.release();
            thread.interrupt();
            thread.join(10_000);
            producer.close(Duration.ofSeconds(5));
        }
        closeConnection();
    }

    /** Wakes the relay once a transaction that wrote outbox rows has committed. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUp.release();
    }

    /** Whether this replica currently holds the relay lock. */
    public boolean isLeader() {
        return leader;
    }

    /** When this replica last had a batch acknowledged by the broker, or null. */
    public Instant lastPublishedAt() {
        return lastPublishedAt;
    }

    /** The last publishing or database error of this replica's relay, or null after a success. */
    public String lastError() {
        return lastError;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // No duplicates from the producer's own retries, nothing lost on a leader change, per-partition order kept.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(config.maxMessageBytes()));
        long deliveryTimeout = config.deliveryTimeout().toMillis();
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(deliveryTimeout));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(30_000, deliveryTimeout)));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        return p;
    }

    private void run() {
        long backoff = 0;
        Instant lastCleanup = Instant.EPOCH;
        while (running) {
            try {
                if (backoff > 0) {
                    wakeUp.tryAcquire(backoff, TimeUnit.MILLISECONDS);
                }
                Connection c = connection();
                if (!leader) {
                    leader = outbox.tryLead(c);
                }
                if (!leader) {
                    wakeUp.tryAcquire(config.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                int published = publishBatch(c);
                backoff = 0;
                lastError = null;
                if (Instant.now().isAfter(lastCleanup.plusSeconds(3600))) {
                    lastCleanup = Instant.now();
                    outbox.deleteSentBefore(c, lastCleanup.minus(config.retention()));
                    housekeeping.fire(new RelayHousekeeping(lastCleanup));
                }
                if (published < config.batchSize()) {
                    wakeUp.tryAcquire(config.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                lastError = e.getMessage();
                backoff = Math.min(5_000, Math.max(200, backoff * 2));
                LOG.warnf("outbox relay: %s; retrying in %d ms", e.getMessage(), backoff);
                if (e instanceof SQLException) {
                    closeConnection();
                }
            }
        }
    }

    /**
     * Sends the oldest unsent rows and marks those the broker acknowledged. Waits for every acknowledgement (the
     * producer retries by itself while the broker is away, up to the delivery timeout).
     *
     * @return how many rows were read
     */
    private int publishBatch(Connection c) throws SQLException, InterruptedException {
        ensureTopics();
        List<PendingEvent> rows = outbox.oldestUnsent(c, config.batchSize());
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        List<Span> spans = new ArrayList<>(rows.size());
        Exception failure = null;
        for (PendingEvent row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            record.headers().add("content-type", CloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            Span span = tracing.startPublish(row);
            tracing.inject(span, record.headers());
            try {
                sends.add(producer.send(record));
                spans.add(span);
            } catch (KafkaException e) {
                // e.g. no metadata within max.block.ms (broker down since start-up): the rest waits for the retry.
                OutboxTracing.failed(span, e);
                failure = e;
                break;
            }
        }
        // Send what is queued now rather than after linger.ms: the batch is complete, and a single report's event
        // would otherwise wait out the linger before it leaves (the linger still groups what a send loop queues).
        producer.flush();
        List<Long> acked = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get();
                acked.add(rows.get(i).id());
                spans.get(i).end();
            } catch (ExecutionException e) {
                OutboxTracing.failed(spans.get(i), e.getCause() == null ? e : e.getCause());
                failure = e;
            }
        }
        if (!acked.isEmpty()) {
            outbox.markSent(c, acked);
            lastPublishedAt = Instant.now();
        }
        if (failure != null) {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            throw new IllegalStateException(
                    (rows.size() - acked.size()) + " event(s) not acknowledged: " + cause.getMessage(), failure);
        }
        return rows.size();
    }

    /** Lets the service create its topics as it needs them (e.g. compacted) before the first event goes out. */
    private void ensureTopics() {
        if (topicsReady || topics.isUnsatisfied()) {
            return;
        }
        if (!topics.get().ensureTopics()) {
            throw new IllegalStateException("the service's topics are not ready yet");
        }
        topicsReady = true;
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            leader = false;
            connection = outbox.relayConnection();
        }
        return connection;
    }

    private void closeConnection() {
        leader = false;
        if (connection != null) {
            try {
                // The connection goes back to the pool: it must not keep the relay lock there.
                outbox.releaseLead(connection);
            } catch (SQLException e) {
                LOG.debug("releasing the relay lock", e);
            }
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the relay connection", e);
            }
            connection = null;
        }
    }
}
