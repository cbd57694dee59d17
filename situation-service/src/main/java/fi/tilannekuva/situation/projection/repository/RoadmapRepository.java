package fi.tilannekuva.situation.projection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The roadmap versions seen, with their subtasks and units. */
@ApplicationScoped
public class RoadmapRepository implements PanacheRepositoryBase<RoadmapVersionEntity, Integer> {

    /** Whether this version is already stored (a redelivery of a version changes nothing). */
    public boolean isKnown(int version) {
        return findByIdOptional(version).isPresent();
    }

    /** The highest version seen: the current roadmap. */
    public Optional<Integer> highestVersion() {
        // Native SQL: asked before every picture and band check; the query language's layers took more of its time
        // than the statement itself in the wall-clock profile of the freshness path.
        Object max = getEntityManager()
                .createNativeQuery("select max(version) from roadmap_version")
                .getSingleResult();
        return Optional.ofNullable(max == null ? null : ((Number) max).intValue());
    }

    /** The highest version published at or before the instant. */
    public Optional<Integer> highestPublishedBy(Instant instant) {
        return Optional.ofNullable(getEntityManager()
                .createQuery(
                        "select max(v.version) from RoadmapVersionEntity v where v.publishedAt <= :at", Integer.class)
                .setParameter("at", instant)
                .getSingleResult());
    }

    /** The lowest version seen (the picture before any version was published uses it). */
    public Optional<Integer> lowestVersion() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select min(v.version) from RoadmapVersionEntity v", Integer.class)
                .getSingleResult());
    }

    /** The subtasks of a version in document order. */
    public List<RoadmapSubtaskEntity> subtasksOf(int version) {
        return getEntityManager()
                .createQuery(
                        "from RoadmapSubtaskEntity s where s.roadmapVersion = :v order by s.position",
                        RoadmapSubtaskEntity.class)
                .setParameter("v", version)
                .getResultList();
    }

    /** The units a version lists. */
    public List<RoadmapRegionEntity> regionsOf(int version) {
        return getEntityManager()
                .createQuery("from RoadmapRegionEntity r where r.roadmapVersion = :v", RoadmapRegionEntity.class)
                .setParameter("v", version)
                .getResultList();
    }
}
