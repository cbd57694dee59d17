package fi.tilannekuva.status.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** The current records of (unit, subtask). */
@ApplicationScoped
public class CurrentStatusRepository implements PanacheRepositoryBase<CurrentStatusEntity, CurrentStatusEntity.Key> {

    /** The current records of a unit, optionally of one group and one status, by subtask id. */
    public PanacheQuery<CurrentStatusEntity> ofRegion(String region, String group, String status) {
        StringBuilder query = new StringBuilder("region = :region");
        Parameters parameters = Parameters.with("region", region);
        if (group != null) {
            query.append(" and groupCode = :group");
            parameters.and("group", group);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        return find(query.toString(), Sort.by("subtask"), parameters);
    }

    /** The current records that ask for support, of one unit or (region null) of every unit. */
    public PanacheQuery<CurrentStatusEntity> openSupportRequests(String region) {
        if (region == null) {
            return find("supportNeeded = true", Sort.by("region").and("subtask"));
        }
        return find("supportNeeded = true and region = ?1", Sort.by("subtask"), region);
    }
}
