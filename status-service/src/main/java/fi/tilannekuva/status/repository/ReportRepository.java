package fi.tilannekuva.status.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The history of report items. */
@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<ReportEntity, Long> {

    /** A page of the items received for one subtask of a unit, newest received first. */
    public List<ReportEntity> historyOf(String region, String subtask, int page, int size) {
        return find("region = ?1 and subtask = ?2", Sort.descending("id"), region, subtask)
                .page(Page.of(page, size))
                .list();
    }

    /** How many items were received for one subtask of a unit. */
    public long countHistoryOf(String region, String subtask) {
        return count("region = ?1 and subtask = ?2", region, subtask);
    }

    /** Whether any report was ever stored. */
    public boolean anyStored() {
        return find("1 = 1").firstResultOptional().isPresent();
    }
}
