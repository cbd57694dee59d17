package fi.tilannekuva.status.service;

import fi.tilannekuva.kit.events.RoundReminder;
import fi.tilannekuva.status.api.RoundView;
import fi.tilannekuva.status.config.StatusConfig;
import fi.tilannekuva.status.repository.ReminderRepository.Contact;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reminds the units of the open round, as DHIS2 and PILOTE do: each unit with no activity in the round (no report item,
 * no confirmation) gets a reminder {@code status.rounds.reminder-leads} before {@code dueAt} (the most urgent lead that
 * has come, once), and a late notice once {@code dueAt} has passed; the ministry gets a digest of the units missing at
 * {@code dueAt}. Mail goes to the contacts the ministry keeps per unit, in each contact's language, through a real
 * SMTP server; every reminder is also an event (RoundReminder). Each is claimed in {@link ReminderLedger} before it is
 * sent: never twice, whatever the replicas or restarts; a mail that fails is recorded, not retried.
 */
@ApplicationScoped
public class RoundReminders {

    private static final Logger LOG = Logger.getLogger(RoundReminders.class);

    @Inject
    ReminderLedger ledger;

    @Inject
    Mailer mailer;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    /** Looks for reminders that are due every {@code status.rounds.check-every}. */
    @Scheduled(
            identity = "round-reminders",
            every = "${status.rounds.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        remind();
    }

    /**
     * Sends every reminder that is due and not sent yet.
     *
     * @return how many reminders this call claimed
     */
    public int remind() {
        Instant now = clock.instant();
        Optional<ReminderLedger.Due> plan = ledger.due(now, config.rounds().reminderLeads());
        if (plan.isEmpty()) {
            return 0;
        }
        int claimed = 0;
        RoundView round = plan.get().round();
        for (String region : plan.get().silent()) {
            List<Contact> to = plan.get().contacts().getOrDefault(region, List.of());
            RoundReminder reminder =
                    new RoundReminder(round.id(), region, plan.get().kind(), round.dueAt(), to.size());
            if (ledger.claim(reminder, now)) {
                claimed++;
                send(reminder, to, round, region, plan.get().silent());
            }
        }
        if (plan.get().kind().equals(ReminderLedger.LATE)) {
            Contact ministry = new Contact(config.rounds().ministryEmail(), "fi");
            RoundReminder digest = new RoundReminder(round.id(), "ministry", DIGEST, round.dueAt(), 1);
            if (ledger.claim(digest, now)) {
                claimed++;
                send(digest, List.of(ministry), round, "ministry", plan.get().silent());
            }
        }
        return claimed;
    }

    static final String DIGEST = "DIGEST";

    private void send(RoundReminder reminder, List<Contact> to, RoundView round, String region, List<String> silent) {
        try {
            for (Contact contact : to) {
                ReminderTexts.Text text = ReminderTexts.of(reminder.kind(), contact.language(), round, region, silent);
                Mail mail = Mail.withText(contact.email(), text.subject(), text.body());
                synchronized (mailer) {
                    // one SMTP conversation at a time: callers racing the scheduler stalled the mail client's
                    // concurrent connections until the server timed them out (a few dozen mails a round)
                    try {
                        mailer.send(mail);
                    } catch (RuntimeException refused) {
                        // A conversation that stalled until the server gave up (421) delivered nothing: one more
                        // try on a new connection before the reminder is noted as failed.
                        LOG.infof(
                                "round %s: %s for %s to be sent again: %s",
                                round.id(), reminder.kind(), region, refused.getMessage());
                        mailer.send(mail);
                    }
                }
            }
            LOG.infof("round %s: %s for %s sent to %d address(es)", round.id(), reminder.kind(), region, to.size());
        } catch (RuntimeException e) {
            LOG.warnf("round %s: %s for %s could not be sent: %s", round.id(), reminder.kind(), region, e.getMessage());
            ledger.failed(reminder, String.valueOf(e.getMessage()));
        }
    }
}
