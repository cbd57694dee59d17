package fi.tilannekuva.roadmap.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.roadmap.RoadmapDocument;
import fi.tilannekuva.roadmap.config.RoadmapConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Publishes the demo roadmap (built from the seed documents, with illustrative criticality and schedules) on
 * the first start in demo mode, through the normal publishing path so its event goes out via the outbox.
 */
@ApplicationScoped
public class DemoRoadmap {

    private static final Logger LOG = Logger.getLogger(DemoRoadmap.class);

    @Inject
    RoadmapConfig config;

    @Inject
    RoadmapService roadmaps;

    @Inject
    ObjectMapper json;

    void onStart(@Observes StartupEvent event) {
        if (config.demo().enabled()) {
            publishIfNoneYet()
                    .ifPresentOrElse(
                            v -> {
                                LOG.infof("Demo mode: published the demo roadmap as version %d", v);
                                int revised =
                                        roadmaps.publish(revision(document())).version();
                                LOG.infof("Demo mode: published its revision as version %d", revised);
                            },
                            () -> LOG.info("Demo mode: a roadmap exists already, the demo roadmap is not published"));
        }
    }

    /**
     * Publishes the demo roadmap unless some version exists.
     *
     * @return the new version number, or empty when a version existed
     */
    public Optional<Integer> publishIfNoneYet() {
        return roadmaps.publishIfNoneYet(document()).map(v -> v.version());
    }

    /**
     * The demo's revision of a roadmap: in each group the first subtask that was not critical becomes critical, so
     * that a revision shows in the live picture against the demo's rounds (frozen on the first version) and in the
     * roadmap's diff.
     *
     * @param first the document revised
     * @return the revised document, labelled as the revision
     */
    public static RoadmapDocument revision(RoadmapDocument first) {
        List<RoadmapDocument.Group> groups = new ArrayList<>();
        for (RoadmapDocument.Group group : first.groups()) {
            boolean[] revised = {false};
            List<RoadmapDocument.Entity> entities = new ArrayList<>();
            for (RoadmapDocument.Entity entity : group.entities()) {
                List<RoadmapDocument.Task> tasks = new ArrayList<>();
                for (RoadmapDocument.Task task :
                        entity.tasks() == null ? List.<RoadmapDocument.Task>of() : entity.tasks()) {
                    List<RoadmapDocument.Subtask> subtasks = new ArrayList<>();
                    for (RoadmapDocument.Subtask subtask :
                            task.subtasks() == null ? List.<RoadmapDocument.Subtask>of() : task.subtasks()) {
                        if (!revised[0] && Boolean.FALSE.equals(subtask.critical())) {
                            revised[0] = true;
                            subtasks.add(new RoadmapDocument.Subtask(
                                    subtask.number(), subtask.name(), true, subtask.schedule(), subtask.appliesTo()));
                        } else {
                            subtasks.add(subtask);
                        }
                    }
                    tasks.add(new RoadmapDocument.Task(task.number(), task.name(), subtasks));
                }
                entities.add(new RoadmapDocument.Entity(entity.code(), entity.name(), entity.appliesTo(), tasks));
            }
            groups.add(new RoadmapDocument.Group(group.code(), group.name(), entities));
        }
        return new RoadmapDocument("2022-10-15 (demo revision: one more critical subtask per group)", groups);
    }

    /**
     * The demo roadmap document as shipped in the classpath.
     *
     * @return the document
     */
    public RoadmapDocument document() {
        return read(json, config.demo().resource());
    }

    /**
     * Reads a roadmap document from the classpath.
     *
     * @param json the mapper
     * @param resource the classpath location
     * @return the document
     */
    public static RoadmapDocument read(ObjectMapper json, String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No demo roadmap at classpath:" + resource);
            }
            return json.readValue(in, RoadmapDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
