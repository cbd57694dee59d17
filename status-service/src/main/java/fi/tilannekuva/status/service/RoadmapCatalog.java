package fi.tilannekuva.status.service;

import fi.tilannekuva.status.RoadmapSnapshot;
import fi.tilannekuva.status.repository.RoadmapRegionRepository;
import fi.tilannekuva.status.repository.RoadmapSubtaskEntity;
import fi.tilannekuva.status.repository.RoadmapSubtaskRepository;
import fi.tilannekuva.status.repository.RoadmapVersionEntity;
import fi.tilannekuva.status.repository.RoadmapVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The current roadmap (the highest version received), read from this service's own tables. The highest version
 * number is looked up on every call (one indexed query) so that every replica follows a new version at once; the
 * version's subtasks are cached until a higher version appears.
 */
@ApplicationScoped
public class RoadmapCatalog {

    @Inject
    RoadmapVersionRepository versions;

    @Inject
    RoadmapSubtaskRepository subtasks;

    @Inject
    RoadmapRegionRepository regions;

    private volatile RoadmapSnapshot cached;

    /**
     * The current roadmap.
     *
     * @return the highest version received with its subtasks and units, or empty when none has been received
     */
    @Transactional
    public Optional<RoadmapSnapshot> current() {
        Optional<Integer> highest = versions.highestVersion();
        if (highest.isEmpty()) {
            return Optional.empty();
        }
        RoadmapSnapshot snapshot = cached;
        if (snapshot == null || snapshot.version() != highest.get()) {
            snapshot = load(highest.get());
            cached = snapshot;
        }
        return Optional.of(snapshot);
    }

    /**
     * The roadmap current at an instant: the highest version published by then (the lowest when none was).
     *
     * @return empty when no roadmap has been received
     */
    @Transactional
    public Optional<RoadmapSnapshot> at(Instant instant) {
        Optional<Integer> version = versions.currentAt(instant);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        RoadmapSnapshot snapshot = cached;
        return Optional.of(snapshot != null && snapshot.version() == version.get() ? snapshot : load(version.get()));
    }

    private RoadmapSnapshot load(int version) {
        RoadmapVersionEntity entity = versions.findById(version);
        Map<String, RoadmapSnapshot.Subtask> byId = new HashMap<>();
        for (RoadmapSubtaskEntity s : subtasks.ofVersion(version)) {
            Set<String> appliesTo = s.appliesTo == null ? null : Set.copyOf(new HashSet<>(s.appliesTo));
            byId.put(
                    s.subtaskId,
                    new RoadmapSnapshot.Subtask(
                            s.subtaskId, s.groupCode, s.nameFi, s.critical, s.scheduleFrom, s.scheduleTo, appliesTo));
        }
        Set<String> codes =
                regions.ofVersion(version).stream().map(r -> r.code).collect(Collectors.toUnmodifiableSet());
        return new RoadmapSnapshot(version, entity.label, codes, Map.copyOf(byId));
    }
}
