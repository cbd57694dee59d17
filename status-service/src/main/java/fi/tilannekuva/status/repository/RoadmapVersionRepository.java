package fi.tilannekuva.status.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** The roadmap versions received. */
@ApplicationScoped
public class RoadmapVersionRepository implements PanacheRepositoryBase<RoadmapVersionEntity, Integer> {

    /** The highest version received: the current roadmap. */
    /** The highest version published by an instant, or the lowest when none was (as situation-service reads it). */
    public Optional<Integer> currentAt(Instant instant) {
        Integer published = getEntityManager()
                .createQuery(
                        "select max(v.version) from RoadmapVersionEntity v where v.publishedAt <= :at", Integer.class)
                .setParameter("at", instant)
                .getSingleResult();
        if (published != null) {
            return Optional.of(published);
        }
        return Optional.ofNullable(getEntityManager()
                .createQuery("select min(v.version) from RoadmapVersionEntity v", Integer.class)
                .getSingleResult());
    }

    public Optional<Integer> highestVersion() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(v.version) from RoadmapVersionEntity v", Integer.class)
                .getSingleResult());
    }
}
