package fi.tilannekuva.situation.partners.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.events.CloudEvents;
import fi.tilannekuva.kit.outbox.Outbox;
import fi.tilannekuva.kit.outbox.OutboxMessage;
import fi.tilannekuva.situation.partners.config.PartnersConfig;
import fi.tilannekuva.situation.partners.event.SubscriptionStateChanged;
import fi.tilannekuva.situation.partners.repository.AttemptEntity;
import fi.tilannekuva.situation.partners.repository.AttemptRepository;
import fi.tilannekuva.situation.partners.repository.JournalRepository;
import fi.tilannekuva.situation.partners.repository.JournalRepository.JournalEvent;
import fi.tilannekuva.situation.partners.repository.SubscriptionEntity;
import fi.tilannekuva.situation.partners.repository.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The dispatcher's steps, each one transaction: lease subscriptions with work, take the next delivery of a leased
 * one, record how an attempt went. The cursor moves only after a 2xx, in the transaction that logs it; a replica
 * that dies between the request and that commit leaves the cursor where it was, so the event goes again (at least
 * once, with the same {@code webhook-id}).
 */
@ApplicationScoped
public class Deliveries {

    /** One delivery to make. */
    public record Due(
            UUID subscription,
            String url,
            long position,
            String eventId,
            byte[] body,
            List<String> secrets,
            int attempt,
            String kind,
            Long redelivery) {}

    /**
     * How an attempt went.
     *
     * @param status the HTTP status, null when no answer came
     * @param error what went wrong when no answer came, else null
     */
    public record Outcome(Integer status, int latencyMs, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        boolean gone() {
            return status != null && status == 410;
        }

        String describe() {
            return status == null ? error : "HTTP " + status;
        }
    }

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    AttemptRepository attempts;

    @Inject
    JournalRepository journal;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    PartnersConfig config;

    @Inject
    Clock clock;

    /** Leases up to {@code limit} subscriptions with work to this replica. */
    @Transactional
    public List<UUID> claim(String owner, int limit) {
        Instant now = clock.instant();
        return subscriptions.claim(owner, now, now.plus(config.webhooks().lease()), limit);
    }

    /**
     * The next delivery of a subscription this replica leases (renewing the lease): an event asked for again first,
     * then the next event after its cursor, unless it waits for a retry. Null when there is none (the lease is let
     * go); the cursor then moves past the events it does not take.
     */
    @Transactional
    public Due next(UUID id, String owner) {
        SubscriptionEntity subscription = subscriptions.leased(id, owner);
        if (subscription == null) {
            return null;
        }
        if (!SubscriptionEntity.ACTIVE.equals(subscription.state) || subscription.url == null) {
            release(subscription);
            return null;
        }
        Instant now = clock.instant();
        subscription.leaseUntil = now.plus(config.webhooks().lease());
        List<String> secrets = new ArrayList<>(List.of(subscription.secret));
        if (subscription.previousSecret != null && subscription.previousSecretUntil.isAfter(now)) {
            secrets.add(subscription.previousSecret);
        }
        long[] redelivery;
        while ((redelivery = attempts.nextRedelivery(id)) != null) {
            JournalEvent event = journal.at(redelivery[1]);
            if (event != null) {
                return due(subscription, event, secrets, 1, "REDELIVERY", redelivery[0]);
            }
            attempts.redelivered(redelivery[0]);
        }
        if (subscription.nextAttemptAt != null && subscription.nextAttemptAt.isAfter(now)) {
            release(subscription);
            return null;
        }
        long last = journal.last();
        JournalEvent event = journal.nextFor(id, subscription.deliveredPosition);
        if (event == null) {
            // Nothing it takes up to `last` (read before): the events in between are not for it.
            subscription.deliveredPosition = Math.max(subscription.deliveredPosition, last);
            endReplayIfPassed(subscription);
            release(subscription);
            return null;
        }
        String kind = subscription.replayUntil != null && event.position() <= subscription.replayUntil
                ? "REPLAY"
                : subscription.failures > 0 ? "RETRY" : "DELIVERY";
        return due(subscription, event, secrets, subscription.failures + 1, kind, null);
    }

    /**
     * Logs an attempt and moves the subscription on: past the event after a 2xx, to a later retry after a failure,
     * to FAILING after the last retry, to DISABLED after a 410 (both told to the ministry by an event).
     *
     * @return whether the subscription may go on with its next delivery now
     */
    @Transactional
    public boolean record(Due due, Outcome outcome, String owner) {
        Instant now = clock.instant();
        AttemptEntity attempt = new AttemptEntity();
        attempt.subscriptionId = due.subscription();
        attempt.position = due.position();
        attempt.eventId = due.eventId();
        attempt.attempt = due.attempt();
        attempt.kind = due.kind();
        attempt.attemptedAt = now.minusMillis(outcome.latencyMs());
        attempt.status = outcome.status();
        attempt.latencyMs = outcome.latencyMs();
        attempt.error = outcome.error();
        SubscriptionEntity subscription = subscriptions.leased(due.subscription(), owner);
        if (subscription == null) {
            attempts.persist(attempt);
            return false;
        }
        subscription.leaseUntil = now.plus(config.webhooks().lease());
        if (due.redelivery() != null) {
            attempts.persist(attempt);
            attempts.redelivered(due.redelivery());
            if (outcome.gone()) {
                changeState(subscription, SubscriptionEntity.DISABLED, due, outcome, now);
                return false;
            }
            return true;
        }
        if (outcome.delivered()) {
            attempts.persist(attempt);
            subscription.deliveredPosition = due.position();
            subscription.failures = 0;
            subscription.nextAttemptAt = null;
            endReplayIfPassed(subscription);
            return true;
        }
        if (outcome.gone()) {
            attempts.persist(attempt);
            changeState(subscription, SubscriptionEntity.DISABLED, due, outcome, now);
            return false;
        }
        List<Duration> schedule = config.webhooks().retrySchedule();
        subscription.failures++;
        if (subscription.failures > schedule.size()) {
            attempts.persist(attempt);
            changeState(subscription, SubscriptionEntity.FAILING, due, outcome, now);
            return false;
        }
        subscription.nextAttemptAt = now.plus(jittered(schedule.get(subscription.failures - 1)));
        attempt.nextRetryAt = subscription.nextAttemptAt;
        attempts.persist(attempt);
        return false;
    }

    /** Lets a lease go. */
    @Transactional
    public void release(UUID id, String owner) {
        subscriptions.release(id, owner);
    }

    private Due due(
            SubscriptionEntity subscription,
            JournalEvent event,
            List<String> secrets,
            int attempt,
            String kind,
            Long redelivery) {
        String body = PartnerEvents.forSubscription(mapper, event.type(), event.body(), subscription.confidential);
        return new Due(
                subscription.id,
                subscription.url,
                event.position(),
                event.eventId(),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                List.copyOf(secrets),
                attempt,
                kind,
                redelivery);
    }

    private void changeState(SubscriptionEntity subscription, String state, Due due, Outcome outcome, Instant now) {
        int attempts = due.attempt();
        subscription.state = state;
        subscription.stateReason = (state.equals(SubscriptionEntity.DISABLED)
                        ? "the endpoint answered 410 Gone"
                        : attempts + " attempts failed, the last with " + outcome.describe())
                + " (event " + due.eventId() + ")";
        subscription.stateChangedAt = now;
        subscription.nextAttemptAt = null;
        subscription.updatedAt = now;
        release(subscription);
        SubscriptionStateChanged data = new SubscriptionStateChanged(
                subscription.id,
                subscription.partner,
                subscription.url,
                state,
                subscription.stateReason,
                due.position(),
                due.eventId(),
                attempts,
                now);
        String eventId = UUID.randomUUID().toString();
        outbox.append(new OutboxMessage(
                eventId,
                SubscriptionStateChanged.TOPIC,
                subscription.id.toString(),
                CloudEvents.write(
                        mapper,
                        eventId,
                        SubscriptionStateChanged.SOURCE,
                        SubscriptionStateChanged.TYPE,
                        subscription.id.toString(),
                        now,
                        data)));
    }

    private Duration jittered(Duration wait) {
        double jitter = config.webhooks().jitter();
        double factor = 1 + jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Duration.ofMillis(Math.max(0, Math.round(wait.toMillis() * factor)));
    }

    private static void endReplayIfPassed(SubscriptionEntity subscription) {
        if (subscription.replayUntil != null && subscription.deliveredPosition >= subscription.replayUntil) {
            subscription.replayUntil = null;
            subscription.replaySince = null;
        }
    }

    private static void release(SubscriptionEntity subscription) {
        subscription.leaseOwner = null;
        subscription.leaseUntil = null;
    }
}
