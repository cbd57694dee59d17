package fi.tilannekuva.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Where a service writes its events: in the transaction of the change they describe (nothing published for a
 * rolled-back change, nothing lost for a committed one), with the request's trace context; the relay is woken once
 * that transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxStore store;

    @Inject
    OutboxTracing tracing;

    @Inject
    Event<OutboxWritten> written;

    /**
     * Appends the events, in this order, to the outbox. Must be called inside the business transaction.
     *
     * @param messages the events; each key's events leave in the order given
     */
    public void append(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        store.append(messages, tracing.current());
        written.fire(new OutboxWritten());
    }

    /** Appends one event. */
    public void append(OutboxMessage message) {
        append(List.of(message));
    }
}
