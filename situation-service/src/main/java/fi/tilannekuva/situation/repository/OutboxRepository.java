package fi.tilannekuva.situation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Events waiting to be published. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEventEntity, UUID> {

    /** The oldest unsent events, oldest first, so a key's events leave in order. */
    public List<OutboxEventEntity> oldestUnsent(int limit) {
        return find("sentAt is null", Sort.ascending("createdAt"))
                .page(Page.ofSize(limit))
                .list();
    }

    /** How many events wait to be published (the backlog gauge). */
    public long countUnsent() {
        return count("sentAt is null");
    }
}
