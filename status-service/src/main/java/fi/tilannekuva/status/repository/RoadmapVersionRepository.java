package fi.tilannekuva.status.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The roadmap versions received. */
@ApplicationScoped
public class RoadmapVersionRepository implements PanacheRepositoryBase<RoadmapVersionEntity, Integer> {

    /** The highest version received: the current roadmap. */
    public Optional<Integer> highestVersion() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(v.version) from RoadmapVersionEntity v", Integer.class)
                .getSingleResult());
    }
}
