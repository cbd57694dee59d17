package fi.tilannekuva.status.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The subtasks of the roadmap versions received. */
@ApplicationScoped
public class RoadmapSubtaskRepository implements PanacheRepositoryBase<RoadmapSubtaskEntity, RoadmapSubtaskEntity.Key> {

    /** Every subtask of a version. */
    public List<RoadmapSubtaskEntity> ofVersion(int version) {
        return list("version", version);
    }
}
