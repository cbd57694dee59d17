package fi.tilannekuva.situation.partners.service;

import fi.tilannekuva.situation.partners.api.NewSubscription;
import fi.tilannekuva.situation.partners.config.PartnersConfig;
import fi.tilannekuva.situation.partners.service.SubscriptionService.Caller;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/** The local stack's demo subscription: the partner thl reads every event type from the feed. */
@ApplicationScoped
public class PartnerDemo {

    private static final Logger LOG = Logger.getLogger(PartnerDemo.class);

    @Inject
    SubscriptionService subscriptions;

    @Inject
    PartnersConfig config;

    void start(@Observes StartupEvent event) {
        if (!config.demo() || !subscriptions.list(new Caller(true, null)).isEmpty()) {
            return;
        }
        var created = subscriptions.create(new NewSubscription(
                "thl",
                "Demo: every event, read from the feed",
                null,
                PartnerEvents.TYPES,
                List.of(),
                List.of(),
                false));
        LOG.infof(
                "demo subscription %s: the partner thl reads GET /api/v1/subscriptions/%s/events",
                created.subscription().id(), created.subscription().id());
    }
}
