package fi.tilannekuva.kit.outbox;

import fi.tilannekuva.kit.outbox.OutboxStore.Backlog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the outbox backlog in the readiness data. UP while the outbox can be read: a broker outage only grows the
 * backlog, it must not make the service refuse the writes that queue events.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    /** The name of this check in /q/health. */
    public static final String NAME = "outbox";

    @Inject
    OutboxMonitor monitor;

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            Backlog backlog = monitor.backlog();
            response.up()
                    .withData("pending", backlog.pending())
                    .withData("oldestPendingSeconds", (long) OutboxMonitor.ageSeconds(backlog.oldestCreatedAt()))
                    .withData("relayLeader", relay.isLeader());
            if (relay.lastPublishedAt() != null) {
                response.withData("lastPublishedAt", relay.lastPublishedAt().toString());
            }
            if (relay.lastError() != null) {
                response.withData("lastError", relay.lastError());
            }
        } catch (RuntimeException e) {
            response.down().withData("error", String.valueOf(e.getMessage()));
        }
        return response.build();
    }
}
