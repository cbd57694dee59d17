package fi.tilannekuva.situation.rounds.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.events.CloudEvents;
import fi.tilannekuva.kit.events.RoundEvent;
import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.projection.messaging.Retrying;
import fi.tilannekuva.situation.projection.service.StatusBacklog;
import fi.tilannekuva.situation.rounds.service.SnapshotService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Freezes a round's picture when status-service's calendar says it closed: with the round's own window and deadline,
 * as of its {@code closesAt} (CONTRACT.md: the frozen picture is the picture as of closesAt). Exactly once: the
 * snapshot's id is the round's, so a redelivered or replayed round-closed finds it frozen and changes nothing. Before
 * freezing, the projection catches up with status-changed, so the reports recorded before the close are in.
 */
@ApplicationScoped
public class RoundClosedConsumer {

    private static final Logger LOG = Logger.getLogger(RoundClosedConsumer.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    SnapshotService snapshots;

    @Inject
    StatusBacklog backlog;

    @Inject
    SituationConfig config;

    /** Handles one round event; only round-closed does anything. */
    @Incoming("reporting-rounds")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        RoundEvent round;
        try {
            String type = mapper.readTree(record.value()).path("type").asText();
            if (!RoundEvent.CLOSED.equals(type)) {
                return;
            }
            round = mapper.treeToValue(
                    CloudEvents.read(mapper, record.value(), RoundEvent.CLOSED).data(), RoundEvent.class);
        } catch (Exception e) {
            LOG.warnf("reporting-rounds@%d skipped: %s", record.offset(), e.getMessage());
            return;
        }
        if (!backlog.awaitApplied(config.rounds().catchUpTimeout())) {
            LOG.warnf(
                    "round %s: status-changed not caught up within %s; freezing what is applied",
                    round.round(), config.rounds().catchUpTimeout());
        }
        boolean frozen = Retrying.untilDone("freezing round " + round.round(), () -> snapshots.freezeClosed(round));
        LOG.infof("round %s closed at %s: %s", round.round(), round.closesAt(), frozen ? "frozen" : "already frozen");
    }
}
