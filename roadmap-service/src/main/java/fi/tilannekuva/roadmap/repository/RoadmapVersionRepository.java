package fi.tilannekuva.roadmap.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Published versions. */
@ApplicationScoped
public class RoadmapVersionRepository implements PanacheRepositoryBase<RoadmapVersionEntity, Integer> {

    /**
     * Serialises publishers for the rest of the transaction, so two concurrent publishes (or two replicas
     * loading the demo) never compute the same next version number.
     */
    public void lockForPublishing() {
        getEntityManager()
                .createNativeQuery("lock table roadmap_version in share row exclusive mode")
                .executeUpdate();
    }

    /** The highest version number, 0 when nothing is published. */
    public int newestVersionNumber() {
        Integer newest = getEntityManager()
                .createQuery("select max(v.version) from RoadmapVersionEntity v", Integer.class)
                .getSingleResult();
        return newest == null ? 0 : newest;
    }

    /** The current (newest) version. */
    public Optional<RoadmapVersionEntity> findNewest() {
        return find("order by version desc").firstResultOptional();
    }

    /** Every version, oldest first. */
    public List<RoadmapVersionEntity> listOldestFirst() {
        return listAll(Sort.by("version"));
    }
}
