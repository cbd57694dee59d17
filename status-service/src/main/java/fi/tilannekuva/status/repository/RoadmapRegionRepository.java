package fi.tilannekuva.status.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The units listed by the roadmap versions received. */
@ApplicationScoped
public class RoadmapRegionRepository implements PanacheRepositoryBase<RoadmapRegionEntity, RoadmapRegionEntity.Key> {

    /** Every unit of a version. */
    public List<RoadmapRegionEntity> ofVersion(int version) {
        return list("version", version);
    }
}
