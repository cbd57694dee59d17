package fi.tilannekuva.status.service;

import fi.tilannekuva.kit.outbox.RelayHousekeeping;
import fi.tilannekuva.status.config.StatusConfig;
import fi.tilannekuva.status.repository.IdempotencyRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Keeps the Idempotency-Key records for {@code status.idempotency.retention}, so that the table does not grow forever. */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);

    @Inject
    IdempotencyRecordRepository records;

    @Inject
    StatusConfig config;

    /** Runs the purge on the replica that relays, once an hour. */
    void onHousekeeping(@Observes RelayHousekeeping housekeeping) {
        purge(housekeeping.at());
    }

    /**
     * Deletes the records older than the retention.
     *
     * @param now the current time
     * @return how many were deleted
     */
    @Transactional
    public long purge(Instant now) {
        long deleted =
                records.deleteCreatedBefore(now.minus(config.idempotency().retention()));
        if (deleted > 0) {
            LOG.infof(
                    "deleted %d Idempotency-Key records older than %s",
                    deleted, config.idempotency().retention());
        }
        return deleted;
    }
}
