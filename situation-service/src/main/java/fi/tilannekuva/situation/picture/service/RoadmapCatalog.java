package fi.tilannekuva.situation.picture.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.picture.model.Roadmap;
import fi.tilannekuva.situation.picture.model.RoadmapSubtask;
import fi.tilannekuva.situation.picture.model.Unit;
import fi.tilannekuva.situation.projection.repository.RoadmapRepository;
import fi.tilannekuva.situation.projection.repository.RoadmapVersionEntity;
import fi.tilannekuva.situation.projection.service.ProjectionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Roadmap versions as the picture reads them; a version never changes, so each is read from the database once. */
@ApplicationScoped
public class RoadmapCatalog {

    private static final TypeReference<Map<String, String>> NAME = new TypeReference<>() {};

    @Inject
    RoadmapRepository roadmaps;

    @Inject
    ObjectMapper mapper;

    private final Map<Integer, Roadmap> byVersion = new ConcurrentHashMap<>();

    /** The current roadmap: the highest version seen, if any. */
    public Optional<Roadmap> current() {
        return roadmaps.highestVersion().map(this::version);
    }

    /**
     * The roadmap as it stood at an instant: the highest version published by then, or the first version when none
     * was published yet (status events can be older than the roadmap the system was started with).
     */
    public Optional<Roadmap> asOf(Instant instant) {
        return roadmaps.highestPublishedBy(instant).or(roadmaps::lowestVersion).map(this::version);
    }

    /** Forgets every version read when a rebuild empties the tables. */
    void forgetOnRebuild(@Observes ProjectionChanged changed) {
        if (changed.emptied()) {
            byVersion.clear();
        }
    }

    private Roadmap version(int version) {
        return byVersion.computeIfAbsent(version, this::load);
    }

    private Roadmap load(int version) {
        RoadmapVersionEntity entity = roadmaps.findById(version);
        var units = roadmaps.regionsOf(version).stream()
                .map(region -> new Unit(region.code, names(region.name), region.kind, region.uusimaa))
                .toList();
        var subtasks = roadmaps.subtasksOf(version).stream()
                .map(subtask -> new RoadmapSubtask(
                        subtask.subtaskId,
                        Group.valueOf(subtask.groupCode),
                        names(subtask.name),
                        subtask.critical,
                        subtask.scheduleFrom,
                        subtask.scheduleTo,
                        subtask.appliesTo == null
                                ? null
                                : new LinkedHashSet<>(Arrays.asList(subtask.appliesTo.split(",")))))
                .toList();
        return new Roadmap(version, entity.label, entity.publishedAt, units, subtasks);
    }

    private Map<String, String> names(String json) {
        try {
            return mapper.readValue(json, NAME);
        } catch (Exception e) {
            throw new IllegalStateException("stored name is not JSON: " + json, e);
        }
    }
}
