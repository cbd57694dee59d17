package fi.tilannekuva.situation.bandchanges.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The bands last published per unit × group × measure. */
@ApplicationScoped
public class BandStateRepository implements PanacheRepositoryBase<BandStateEntity, String> {

    /** Every stored band by id. */
    public Map<String, BandStateEntity> allById() {
        return listAll().stream().collect(Collectors.toMap(state -> state.id, Function.identity()));
    }
}
