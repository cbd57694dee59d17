package fi.tilannekuva.roadmap.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The preparation groups. */
@ApplicationScoped
public class PreparationGroupRepository implements PanacheRepositoryBase<PreparationGroupEntity, String> {

    /** All groups in their official order (HTT, JO, PJ, YP, ICT). */
    public List<PreparationGroupEntity> listInOrder() {
        return listAll(Sort.by("ordinal"));
    }
}
