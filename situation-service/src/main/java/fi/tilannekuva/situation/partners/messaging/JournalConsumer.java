package fi.tilannekuva.situation.partners.messaging;

import fi.tilannekuva.situation.partners.service.Journal;
import fi.tilannekuva.situation.projection.messaging.Retrying;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Journals the public topics' events for the partners (roadmap-published, status-changed, reporting-rounds,
 * situation-changed): a consumer group of its own, from the start of each topic, one transaction per polled batch.
 * The group's offsets are committed after the batch is, and journaling is idempotent by event id, so a batch read
 * again after a crash adds nothing.
 */
@ApplicationScoped
public class JournalConsumer {

    @Inject
    Journal journal;

    /** Journals a polled batch; returns once it is committed. */
    @Incoming("partner-journal")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<String> values = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            values.add(record.value());
        }
        Retrying.untilDone("journaling " + values.size() + " events for the partners", () -> journal.append(values));
    }
}
