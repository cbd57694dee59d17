package fi.tilannekuva.status.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.events.RoundEvent;
import fi.tilannekuva.kit.outbox.Outbox;
import fi.tilannekuva.kit.outbox.OutboxMessage;
import fi.tilannekuva.status.config.StatusConfig;
import fi.tilannekuva.status.repository.RoundEntity;
import fi.tilannekuva.status.repository.RoundRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the round calendar's events to the outbox when their instants come: round-opened at {@code opensAt},
 * round-due-soon {@code status.rounds.due-soon-lead} before {@code dueAt} once the round is open (not once it is due), round-closed at
 * {@code closesAt}. Each at most once: the round is marked announced and its event written in one transaction, and
 * the mark is an atomic conditional update, so two replicas or a restart never write one twice.
 */
@ApplicationScoped
public class RoundAnnouncer {

    @Inject
    RoundRepository rounds;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    /** Looks for due events every {@code status.rounds.check-every}, one look at a time. */
    @Scheduled(
            identity = "round-announcer",
            every = "${status.rounds.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        announce();
    }

    /**
     * Writes every event that is due and not yet written.
     *
     * @return how many were written
     */
    @Transactional
    public int announce() {
        Instant now = clock.instant();
        List<OutboxMessage> events = new ArrayList<>();
        for (String id : rounds.markDue("opened_announced_at", "opens_at", now, now, false)) {
            RoundEntity round = rounds.findById(id);
            events.add(message(round, RoundEvent.OPENED, round.opensAt));
        }
        for (String id : rounds.markDue(
                "due_soon_announced_at", "due_at", now.plus(config.rounds().dueSoonLead()), now, true)) {
            RoundEntity round = rounds.findById(id);
            if (now.isBefore(round.dueAt)) {
                events.add(message(round, RoundEvent.DUE_SOON, now));
            } // else planned or moved after the fact: nothing is due soon any more
        }
        for (String id : rounds.markDue("closed_announced_at", "closes_at", now, now, false)) {
            RoundEntity round = rounds.findById(id);
            events.add(message(round, RoundEvent.CLOSED, round.closesAt));
        }
        outbox.append(events);
        return events.size();
    }

    private OutboxMessage message(RoundEntity round, String type, Instant time) {
        RoundEvent data = new RoundEvent(
                round.id,
                round.name,
                round.windowFrom,
                round.windowTo,
                round.deadline,
                round.opensAt,
                round.dueAt,
                round.closesAt);
        return new OutboxMessage(
                RoundEvent.eventId(round.id, type), RoundEvent.TOPIC, round.id, data.toCloudEvent(mapper, type, time));
    }
}
