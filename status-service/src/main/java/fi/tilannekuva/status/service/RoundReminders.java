package fi.tilannekuva.status.service;

import fi.tilannekuva.kit.events.RoundReminder;
import fi.tilannekuva.status.api.RoundView;
import fi.tilannekuva.status.config.StatusConfig;
import fi.tilannekuva.status.repository.ReminderRepository.Contact;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
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
 * sent: never twice, whatever the replicas or restarts. A mail the server refused before its text is sent once more;
 * any other failure is recorded (the server may have the mail), not retried.
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

    /**
     * Whether a failed send certainly left nothing with the server, so that sending it again cannot make a second
     * mail: the server could not be reached, or it refused the conversation before the mail's text was complete (a
     * reply to the greeting, MAIL, RCPT or DATA, such as the 421 a server sends when it gives up on a stalled
     * conversation). A failure at or after the end of the text ("sending data failed", a lost connection, a timeout)
     * may follow a mail the server has taken, so it is recorded, never sent again (RFC 1047).
     */
    static boolean undelivered(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof SMTPException refused) {
                return !String.valueOf(refused.getMessage()).startsWith(AFTER_TEXT);
            }
        }
        return false;
    }

    /** How the mail client names a failure answering the end of a mail's text (io.vertx.ext.mail.impl.SMTPSendMail). */
    static final String AFTER_TEXT = "sending data failed";

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
                    } catch (RuntimeException failed) {
                        if (!undelivered(failed)) {
                            throw failed;
                        }
                        LOG.infof(
                                "round %s: %s for %s refused before its text, to be sent again: %s",
                                round.id(), reminder.kind(), region, failed.getMessage());
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
