package fi.tilannekuva.roadmap.repository;

import fi.tilannekuva.roadmap.SubtaskFilter;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The flat subtask rows of every version. */
@ApplicationScoped
public class SubtaskRepository implements PanacheRepository<SubtaskEntity> {

    /** The subtasks of a version matching the filter (null criteria match everything), in roadmap order. */
    public PanacheQuery<SubtaskEntity> findMatching(int version, SubtaskFilter criteria, Page page) {
        StringBuilder query = new StringBuilder("version = :version");
        Parameters parameters = Parameters.with("version", version);
        if (criteria.group() != null) {
            query.append(" and groupCode = :group");
            parameters.and("group", criteria.group());
        }
        if (criteria.entity() != null) {
            query.append(" and entityId = :entity");
            parameters.and("entity", criteria.entity());
        }
        if (criteria.critical() != null) {
            query.append(" and critical = :critical");
            parameters.and("critical", criteria.critical());
        }
        if (criteria.region() != null) {
            // Hibernate's array_position answers 0 when absent; array_contains would bind a varchar[] that
            // PostgreSQL refuses to compare with the text[] column.
            query.append(" and (appliesTo is null or array_position(appliesTo, :region) > 0)");
            parameters.and("region", criteria.region());
        }
        if (criteria.from() != null) {
            query.append(" and scheduleTo >= :from");
            parameters.and("from", criteria.from());
        }
        if (criteria.to() != null) {
            query.append(" and scheduleFrom <= :to");
            parameters.and("to", criteria.to());
        }
        return find(query.toString(), Sort.by("ordinal"), parameters).page(page);
    }

    /** Every subtask of a version in roadmap order. */
    public List<SubtaskEntity> listOfVersion(int version) {
        return list("version", Sort.by("ordinal"), version);
    }
}
