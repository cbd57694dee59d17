package fi.tilannekuva.roadmap.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The reporting units. */
@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<RegionEntity, String> {

    /** All units in their official (alphabetical Finnish) order. */
    public List<RegionEntity> listInOrder() {
        return listAll(Sort.by("ordinal"));
    }
}
