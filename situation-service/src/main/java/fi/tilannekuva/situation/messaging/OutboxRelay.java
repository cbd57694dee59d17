package fi.tilannekuva.situation.messaging;

import fi.tilannekuva.situation.repository.OutboxEventEntity;
import fi.tilannekuva.situation.repository.OutboxRepository;
import fi.tilannekuva.situation.service.ProjectionChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka: oldest first, each row marked sent only after the broker acknowledged it
 * (acks=all, idempotent producer). Runs after every projection commit and every few seconds for retries; with several
 * replicas, in one of them at a time.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    @Channel("situation-changed")
    MutinyEmitter<String> emitter;

    @Inject
    OutboxRepository outbox;

    @Inject
    Clock clock;

    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService trigger = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProjectionChanged changed) {
        trigger.execute(this::relay);
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        relay();
    }

    /**
     * Sends every unsent row; returns how many were sent. One replica relays at a time (a PostgreSQL advisory lock), so
     * the rows leave oldest first and each once; a replica that finds the lock taken leaves its rows to the holder,
     * which sends until none is left, or to its own next sweep.
     */
    public int relay() {
        if (!running.tryLock()) {
            return 0;
        }
        try (OutboxRepository.RelayLock lock = outbox.tryLockRelay()) {
            return lock == null ? 0 : sendUnsent();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("outbox relay stopped, retrying later: %s", e.toString());
            return 0;
        } finally {
            running.unlock();
        }
    }

    private int sendUnsent() {
        int sent = 0;
        while (true) {
            List<OutboxEventEntity> batch = unsent();
            if (batch.isEmpty()) {
                return sent;
            }
            List<UUID> done = new ArrayList<>();
            try {
                for (OutboxEventEntity event : batch) {
                    RecordHeaders headers = new RecordHeaders();
                    headers.add("content-type", CloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                    Message<String> message = Message.of(event.payload)
                            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                    .withKey(event.recordKey)
                                    .withTopic(event.topic)
                                    .withHeaders(headers)
                                    .build());
                    emitter.sendMessage(message).await().atMost(Duration.ofSeconds(30));
                    done.add(event.id);
                }
            } catch (RuntimeException e) {
                markSent(done);
                LOG.warnf("outbox relay stopped after %d events, retrying later: %s", sent + done.size(), e.toString());
                return sent + done.size();
            }
            markSent(done);
            sent += done.size();
        }
    }

    private List<OutboxEventEntity> unsent() {
        return QuarkusTransaction.requiringNew().call(() -> outbox.oldestUnsent(200));
    }

    private void markSent(List<UUID> ids) {
        if (!ids.isEmpty()) {
            QuarkusTransaction.requiringNew()
                    .run(() -> outbox.update("sentAt = ?1 where id in ?2", clock.instant(), ids));
        }
    }
}
