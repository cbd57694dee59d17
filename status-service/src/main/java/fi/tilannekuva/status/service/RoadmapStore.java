package fi.tilannekuva.status.service;

import fi.tilannekuva.kit.events.RoadmapPublished;
import fi.tilannekuva.status.repository.RoadmapRegionEntity;
import fi.tilannekuva.status.repository.RoadmapRegionRepository;
import fi.tilannekuva.status.repository.RoadmapSubtaskEntity;
import fi.tilannekuva.status.repository.RoadmapSubtaskRepository;
import fi.tilannekuva.status.repository.RoadmapVersionEntity;
import fi.tilannekuva.status.repository.RoadmapVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Keeps this service's copy of the roadmap versions published by roadmap-service. */
@ApplicationScoped
public class RoadmapStore {

    private static final Logger LOG = Logger.getLogger(RoadmapStore.class);

    @Inject
    RoadmapVersionRepository versions;

    @Inject
    RoadmapSubtaskRepository subtasks;

    @Inject
    RoadmapRegionRepository regions;

    @Inject
    Event<RoadmapStored> stored;

    /**
     * Fired after a new roadmap version was committed.
     *
     * @param version the version stored
     */
    public record RoadmapStored(int version) {}

    /**
     * Stores a roadmap version once. A version already stored is left exactly as it is (redelivery after a
     * rebalance or a restart changes nothing): versions are immutable once published.
     *
     * @param data the event data
     * @param eventId the envelope id, kept for tracing
     * @return true when the version was new
     * @throws IllegalArgumentException when the data has no version
     */
    @Transactional
    public boolean store(RoadmapPublished data, String eventId) {
        if (data.version() == null) {
            throw new IllegalArgumentException("roadmap-published data without a version");
        }
        int version = data.version();
        if (versions.findByIdOptional(version).isPresent()) {
            LOG.debugf("roadmap version %d already known; redelivery ignored", version);
            return false;
        }
        RoadmapVersionEntity entity = new RoadmapVersionEntity();
        entity.version = version;
        entity.label = data.label() == null ? String.valueOf(version) : data.label();
        entity.publishedAt = data.publishedAt();
        entity.eventId = eventId;
        entity.receivedAt = Instant.now();
        versions.persist(entity);
        versions.flush();
        if (data.regions() != null) {
            for (RoadmapPublished.Region r : data.regions()) {
                RoadmapRegionEntity region = new RoadmapRegionEntity();
                region.version = version;
                region.code = r.code();
                region.nameFi = fi(r.name(), r.code());
                region.kind = r.kind();
                region.uusimaa = Boolean.TRUE.equals(r.uusimaa());
                regions.persist(region);
            }
        }
        List<RoadmapSubtaskEntity> rows = flatten(version, data);
        subtasks.persist(rows);
        stored.fire(new RoadmapStored(version));
        LOG.infof(
                "roadmap version %d (%s) stored: %d subtasks, %d units",
                version,
                entity.label,
                rows.size(),
                data.regions() == null ? 0 : data.regions().size());
        return true;
    }

    private static List<RoadmapSubtaskEntity> flatten(int version, RoadmapPublished data) {
        List<RoadmapSubtaskEntity> rows = new ArrayList<>();
        if (data.groups() == null) {
            return rows;
        }
        for (RoadmapPublished.PreparationGroup group : data.groups()) {
            for (RoadmapPublished.TaskEntity entity : nonNull(group.entities())) {
                String entityId = entity.id() != null ? entity.id() : group.code() + "-" + entity.code();
                for (RoadmapPublished.Task task : nonNull(entity.tasks())) {
                    for (RoadmapPublished.Subtask s : nonNull(task.subtasks())) {
                        RoadmapSubtaskEntity row = new RoadmapSubtaskEntity();
                        row.version = version;
                        row.subtaskId = s.id() != null ? s.id() : entityId + "-" + s.number();
                        row.groupCode = group.code();
                        row.nameFi = fi(s.name(), row.subtaskId);
                        row.critical = Boolean.TRUE.equals(s.critical());
                        row.scheduleFrom =
                                s.schedule() == null ? null : s.schedule().from();
                        row.scheduleTo =
                                s.schedule() == null ? null : s.schedule().to();
                        row.appliesTo = s.appliesTo() == null ? null : List.copyOf(s.appliesTo());
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String fi(Map<String, String> name, String fallback) {
        return name != null && name.get("fi") != null ? name.get("fi") : fallback;
    }
}
