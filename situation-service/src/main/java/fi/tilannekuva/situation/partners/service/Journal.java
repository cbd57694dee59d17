package fi.tilannekuva.situation.partners.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.situation.partners.repository.JournalRepository;
import fi.tilannekuva.situation.partners.repository.JournalRepository.NewEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal of every subscribable event, from the start of history: what the webhooks deliver and the feed reads.
 * Appending is idempotent by event id, so a redelivered record adds nothing.
 */
@ApplicationScoped
public class Journal {

    private final Object signal = new Object();

    @Inject
    JournalRepository journal;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    Event<JournalAppended> appended;

    /**
     * Journals the subscribable events among the record values, in this order, in one transaction.
     *
     * @return how many were new
     */
    @Transactional
    public int append(List<String> values) {
        List<NewEvent> events = new ArrayList<>(values.size());
        for (String value : values) {
            NewEvent event = PartnerEvents.entry(mapper, value);
            if (event != null) {
                events.add(event);
            }
        }
        int added = journal.append(events, clock.instant());
        if (added > 0) {
            appended.fire(new JournalAppended(added));
        }
        return added;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JournalAppended event) {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Waits until this replica journals something or the time passes, whichever comes first. */
    public void awaitAppend(long millis) throws InterruptedException {
        if (millis <= 0) {
            return;
        }
        synchronized (signal) {
            signal.wait(millis);
        }
    }
}
