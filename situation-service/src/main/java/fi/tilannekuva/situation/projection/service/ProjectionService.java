package fi.tilannekuva.situation.projection.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.events.RoadmapPublished;
import fi.tilannekuva.kit.events.StatusChanged;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.situation.projection.repository.OffsetRepository;
import fi.tilannekuva.situation.projection.repository.ProjectionAdminRepository;
import fi.tilannekuva.situation.projection.repository.RejectedEventEntity;
import fi.tilannekuva.situation.projection.repository.RoadmapRegionEntity;
import fi.tilannekuva.situation.projection.repository.RoadmapRepository;
import fi.tilannekuva.situation.projection.repository.RoadmapSubtaskEntity;
import fi.tilannekuva.situation.projection.repository.RoadmapVersionEntity;
import fi.tilannekuva.situation.projection.repository.StatusEventEntity;
import fi.tilannekuva.situation.projection.repository.StatusRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies consumed events to the projection in PostgreSQL, idempotently, with the consumed offsets in the same
 * transaction: a record is either applied and its offset stored, or neither.
 */
@ApplicationScoped
public class ProjectionService {

    private static final Logger LOG = Logger.getLogger(ProjectionService.class);

    @Inject
    RoadmapRepository roadmaps;

    @Inject
    StatusRepository statuses;

    @Inject
    OffsetRepository offsets;

    @Inject
    ProjectionAdminRepository admin;

    @Inject
    CatchUp catchUp;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    Event<ProjectionChanged> changed;

    /**
     * Stores a roadmap version unless it is known already (a version never changes, so a redelivery is a no-op).
     * When it becomes the highest version, the tracked sets follow it at once: nothing is re-reported.
     *
     * @param record the consumed record; a rejected one is only logged and skipped
     * @return true if the version was new
     */
    @Transactional
    public boolean applyRoadmap(ConsumedRecord<RoadmapPublished> record) {
        admin.holdApplyLock(true);
        boolean applied = false;
        if (!record.parsed()) {
            reject(record);
        } else if (!roadmaps.isKnown(record.data().version())) {
            store(record.eventId(), record.data());
            applied = true;
        }
        offsets.advance(record.topic(), record.partition(), record.offset() + 1);
        boolean caughtUp = catchUp.advanced(record.topic(), record.partition(), record.offset() + 1);
        if (caughtUp) {
            restoreValidityIndex();
        }
        changed.fire(
                (applied && !catchUp.replaying()) || caughtUp
                        ? ProjectionChanged.everyBand()
                        : ProjectionChanged.quietly());
        return applied;
    }

    /**
     * Applies a batch of status events: each is logged once per (unit, subtask, version) and made current only if its
     * version is higher than the current one, so duplicates and reordered redeliveries change nothing, and an older
     * version arriving late is still logged for asOf. Band changes of the touched units are written to the outbox.
     *
     * @return how many (unit, subtask) keys got a new current record
     */
    @Transactional
    public int applyStatuses(List<ConsumedRecord<StatusChanged>> records) {
        admin.holdApplyLock(false);
        Map<String, long[]> next = new HashMap<>();
        List<StatusEventEntity> events = new ArrayList<>();
        for (ConsumedRecord<StatusChanged> record : records) {
            if (!record.parsed()) {
                reject(record);
            } else {
                events.add(toEntity(record.data()));
            }
            next.merge(
                    record.topic() + "/" + record.partition(),
                    new long[] {record.partition(), record.offset() + 1},
                    (a, b) -> a[1] >= b[1] ? a : b);
        }
        StatusRepository.Applied result = statuses.apply(events);
        int applied = result.madeCurrent();
        Set<String> touched = result.regions();
        boolean caughtUp = false;
        for (Map.Entry<String, long[]> entry : next.entrySet()) {
            String topic = entry.getKey().substring(0, entry.getKey().lastIndexOf('/'));
            int partition = (int) entry.getValue()[0];
            offsets.advance(topic, partition, entry.getValue()[1]);
            caughtUp |= catchUp.advanced(topic, partition, entry.getValue()[1]);
        }
        if (caughtUp) {
            restoreValidityIndex();
            changed.fire(ProjectionChanged.everyBand());
        } else if (!touched.isEmpty() && !catchUp.replaying()) {
            changed.fire(ProjectionChanged.bandsOf(touched));
        } else {
            changed.fire(ProjectionChanged.quietly());
        }
        return applied;
    }

    /**
     * Empties the projection (roadmaps, statuses, the event log and the stored offsets), so the consumers read both
     * topics from the beginning again. Snapshots, band states and the outbox are kept.
     */
    @Transactional
    public void truncate() {
        admin.holdApplyLock(true); // nothing applied, and no asOf checkpoint written, while the tables are emptied
        admin.truncateProjection();
        if (catchUp.replaying()) {
            // the replay writes the log without its validity index; the transaction that ends the replay builds it
            admin.dropValidityIndex();
        }
        changed.fire(ProjectionChanged.emptiedForRebuild());
        LOG.info("projection truncated: both topics will be read again from the beginning");
    }

    /**
     * Builds the event log's validity index if a rebuild dropped it, in the transaction that ends the replay: the
     * stored offsets reach the topics' ends only together with the index, so whoever waits for them finds asOf fast.
     */
    private void restoreValidityIndex() {
        if (admin.restoreValidityIndex()) {
            LOG.info("replay done: the event log's validity index is built again");
        }
    }

    /**
     * A stop in the middle of a rebuild's replay leaves the validity index dropped: build it at start. The consumers
     * may already be replaying then; they wait for the build and go on with the index in place.
     */
    @Transactional
    void restoreValidityIndexAtStart(@Observes @Priority(1) StartupEvent start) {
        restoreValidityIndex();
    }

    private void store(String eventId, RoadmapPublished roadmap) {
        RoadmapVersionEntity version = new RoadmapVersionEntity();
        version.version = roadmap.version();
        version.label = roadmap.label();
        version.publishedAt = roadmap.publishedAt();
        version.eventId = eventId;
        version.receivedAt = clock.instant();
        roadmaps.persist(version);
        for (RoadmapPublished.Region region : roadmap.regions()) {
            RoadmapRegionEntity entity = new RoadmapRegionEntity();
            entity.roadmapVersion = roadmap.version();
            entity.code = region.code();
            entity.name = json(region.name());
            entity.kind = region.kind();
            entity.uusimaa = Boolean.TRUE.equals(region.uusimaa());
            roadmaps.getEntityManager().persist(entity);
        }
        int position = 0;
        for (RoadmapPublished.PreparationGroup group : roadmap.groups()) {
            for (RoadmapPublished.TaskEntity entity : group.entities()) {
                for (RoadmapPublished.Task task : entity.tasks()) {
                    for (RoadmapPublished.Subtask subtask : task.subtasks()) {
                        RoadmapSubtaskEntity row = new RoadmapSubtaskEntity();
                        row.roadmapVersion = roadmap.version();
                        row.subtaskId = subtask.id();
                        row.groupCode = Group.valueOf(group.code()).name();
                        row.name = json(subtask.name());
                        row.critical = Boolean.TRUE.equals(subtask.critical());
                        row.scheduleFrom = subtask.schedule() == null
                                ? null
                                : subtask.schedule().from();
                        row.scheduleTo = subtask.schedule() == null
                                ? null
                                : subtask.schedule().to();
                        row.appliesTo = subtask.appliesTo() == null ? null : String.join(",", subtask.appliesTo());
                        row.position = position++;
                        roadmaps.getEntityManager().persist(row);
                    }
                }
            }
        }
        LOG.infof("roadmap version %d (%s) stored with %d subtasks", roadmap.version(), roadmap.label(), position);
    }

    private static StatusEventEntity toEntity(StatusChanged data) {
        StatusEventEntity event = new StatusEventEntity();
        event.eventId = data.eventId();
        event.region = data.region();
        event.subtask = data.subtask();
        event.version = data.version();
        event.status = Status.valueOf(data.status()).name();
        event.previousStatus = data.previousStatus();
        event.comment = data.comment();
        event.supportNeeded = data.supportNeeded();
        event.reportedAt = data.reportedAt();
        event.recordedAt = data.recordedAt();
        event.roadmapVersion = data.roadmapVersion();
        return event;
    }

    private void reject(ConsumedRecord<?> record) {
        LOG.warnf(
                "skipping unreadable record %s/%d@%d: %s",
                record.topic(), record.partition(), record.offset(), record.rejection());
        RejectedEventEntity rejected = new RejectedEventEntity();
        rejected.topic = record.topic();
        rejected.partition = record.partition();
        rejected.recordOffset = record.offset();
        rejected.reason = record.rejection();
        rejected.payload = record.raw();
        rejected.rejectedAt = clock.instant();
        admin.persist(rejected);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
