package fi.tilannekuva.situation.projection.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.events.CloudEvents;
import fi.tilannekuva.kit.events.RoadmapPublished;
import fi.tilannekuva.kit.events.StatusChanged;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.situation.projection.service.ConsumedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns Kafka records into event data, or into a rejection naming what is wrong: a bad record never stops consumption. */
@ApplicationScoped
public class EventReader {

    @Inject
    ObjectMapper mapper;

    /** Reads a roadmap-published record. */
    public ConsumedRecord<RoadmapPublished> roadmap(ConsumerRecord<String, String> record) {
        try {
            CloudEvents.Envelope envelope = CloudEvents.read(mapper, record.value(), RoadmapPublished.TYPE);
            RoadmapPublished data = mapper.treeToValue(envelope.data(), RoadmapPublished.class);
            List<String> problems = new ArrayList<>();
            if (data.version() == null || data.version() < 1) problems.add("version missing or < 1");
            if (data.label() == null) problems.add("label missing");
            if (data.publishedAt() == null) problems.add("publishedAt missing");
            if (data.regions() == null) problems.add("regions missing");
            if (data.groups() == null) problems.add("groups missing");
            else {
                for (RoadmapPublished.PreparationGroup group : data.groups()) {
                    if (Group.parse(group.code()).isEmpty()) problems.add("unknown group " + group.code());
                    else if (group.entities() == null) problems.add("group " + group.code() + " has no entities");
                    else
                        group.entities().stream()
                                .filter(entity -> entity.tasks() != null)
                                .flatMap(entity -> entity.tasks().stream())
                                .filter(task -> task.subtasks() != null)
                                .flatMap(task -> task.subtasks().stream())
                                .filter(subtask -> subtask.id() == null)
                                .findAny()
                                .ifPresent(subtask -> problems.add("a subtask of " + group.code() + " has no id"));
                }
            }
            if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
            return parsed(record, envelope.id(), data);
        } catch (Exception e) {
            return rejected(record, e);
        }
    }

    /** Reads a status-changed record. */
    public ConsumedRecord<StatusChanged> status(ConsumerRecord<String, String> record) {
        try {
            CloudEvents.Envelope envelope = CloudEvents.read(mapper, record.value(), StatusChanged.TYPE);
            StatusChanged data = mapper.treeToValue(envelope.data(), StatusChanged.class);
            List<String> problems = new ArrayList<>();
            if (data.region() == null) problems.add("region missing");
            if (data.subtask() == null) problems.add("subtask missing");
            if (Status.parse(data.status()).isEmpty()) problems.add("unknown status " + data.status());
            if (data.reportedAt() == null) problems.add("reportedAt missing");
            if (data.recordedAt() == null) problems.add("recordedAt missing");
            if (data.version() < 1) problems.add("version < 1");
            if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
            return parsed(record, data.eventId() == null ? envelope.id() : data.eventId(), data);
        } catch (Exception e) {
            return rejected(record, e);
        }
    }

    private static <T> ConsumedRecord<T> parsed(ConsumerRecord<String, String> record, String eventId, T data) {
        return new ConsumedRecord<>(record.topic(), record.partition(), record.offset(), eventId, data, null, null);
    }

    private static <T> ConsumedRecord<T> rejected(ConsumerRecord<String, String> record, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ConsumedRecord<>(
                record.topic(), record.partition(), record.offset(), null, null, reason, record.value());
    }
}
