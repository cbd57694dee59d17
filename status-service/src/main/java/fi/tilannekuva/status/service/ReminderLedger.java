package fi.tilannekuva.status.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.events.RoundEvent;
import fi.tilannekuva.kit.events.RoundReminder;
import fi.tilannekuva.kit.outbox.Outbox;
import fi.tilannekuva.kit.outbox.OutboxMessage;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.status.api.RoundView;
import fi.tilannekuva.status.repository.ReminderRepository;
import fi.tilannekuva.status.repository.ReminderRepository.Contact;
import fi.tilannekuva.status.repository.RoundActivityRepository;
import fi.tilannekuva.status.repository.RoundEntity;
import fi.tilannekuva.status.repository.RoundRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reminders' ledger: a reminder is claimed, and its event written to the outbox, in one transaction that commits
 * before its mail is sent, so that of two replicas or across a restart exactly one sends it (and never twice).
 */
@ApplicationScoped
public class ReminderLedger {

    @Inject
    ReminderRepository reminders;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    RoundRepository rounds;

    @Inject
    RoundActivityRepository activity;

    static final String LATE = "LATE";

    /**
     * What is due now: the open round, the kind of reminder (the most urgent lead that has come, or LATE once the
     * round is due), the units with no activity in the round and every unit's contacts.
     */
    public record Due(RoundView round, String kind, List<String> silent, Map<String, List<Contact>> contacts) {}

    /** What is due now; empty when no round is open or no lead has come. */
    @Transactional
    public Optional<Due> due(Instant now, List<Duration> leads) {
        Optional<RoundEntity> open = rounds.openAt(now);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        RoundEntity round = open.get();
        String kind;
        if (now.isBefore(round.dueAt)) {
            Optional<Duration> lead = leads.stream()
                    .filter(each -> !now.isBefore(round.dueAt.minus(each)))
                    .min(Comparator.naturalOrder());
            if (lead.isEmpty()) {
                return Optional.empty();
            }
            kind = "REMINDER_" + lead.get();
        } else {
            kind = LATE;
        }
        Set<String> active = new HashSet<>();
        activity.firstActivity(round.id, round.opensAt, round.closesAt).forEach(each -> active.add(each.region()));
        List<String> silent =
                Units.ALL.stream().filter(unit -> !active.contains(unit)).toList();
        Map<String, List<Contact>> addresses = new HashMap<>();
        for (String unit : silent) {
            addresses.put(unit, reminders.contacts(unit));
        }
        return Optional.of(new Due(RoundCalendar.view(round, now), kind, silent, addresses));
    }

    /** Claims the reminder and writes its event; false when it was claimed before. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(RoundReminder reminder, Instant now) {
        if (!reminders.claim(reminder.round(), reminder.region(), reminder.kind(), reminder.recipients(), now)) {
            return false;
        }
        outbox.append(new OutboxMessage(
                reminder.eventId(), RoundEvent.TOPIC, reminder.round(), reminder.toCloudEvent(mapper, now)));
        return true;
    }

    /** Notes a claimed reminder whose mail failed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(RoundReminder reminder, String failure) {
        reminders.failed(reminder.round(), reminder.region(), reminder.kind(), failure);
    }
}
