package fi.tilannekuva.situation.partners.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.situation.partners.config.PartnersConfig;
import fi.tilannekuva.situation.partners.repository.JournalRepository;
import fi.tilannekuva.situation.partners.repository.JournalRepository.JournalEvent;
import fi.tilannekuva.situation.partners.service.SubscriptionService.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The pull feed: a subscription's events after a cursor, as a CloudEvents batch, with the same filtering and
 * redaction as its webhook deliveries; from the start of history, and long-polling for what comes next.
 */
@ApplicationScoped
public class EventFeed {

    /** A page of the feed: the events, as the subscription receives them, and the cursor after the last. */
    public record Page(List<String> events, long next) {}

    @Inject
    JournalRepository journal;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    Journal appends;

    @Inject
    ObjectMapper mapper;

    @Inject
    PartnersConfig config;

    /**
     * The subscription's events after {@code after}, at most {@code limit}; when there are none, waits up to
     * {@code wait} for the first to be committed.
     *
     * @param types the types to read (each one of the subscription's), or null for all of them
     */
    public Page read(UUID id, Caller caller, long after, List<String> types, int limit, Duration wait)
            throws InterruptedException {
        boolean confidential =
                QuarkusTransaction.requiringNew().call(() -> subscriptions.find(id, caller).confidential);
        long deadline = System.nanoTime()
                + Math.min(wait.toNanos(), config.feed().maxWait().toNanos());
        while (true) {
            List<JournalEvent> events =
                    QuarkusTransaction.requiringNew().call(() -> journal.page(id, after, types, limit));
            long left = deadline - System.nanoTime();
            if (!events.isEmpty() || left <= 0) {
                List<String> bodies = events.stream()
                        .map(e -> PartnerEvents.forSubscription(mapper, e.type(), e.body(), confidential))
                        .toList();
                return new Page(
                        bodies,
                        events.isEmpty() ? after : events.get(events.size() - 1).position());
            }
            appends.awaitAppend(
                    Math.min(left / 1_000_000 + 1, config.feed().poll().toMillis()));
        }
    }
}
