package fi.tilannekuva.situation.bandchanges.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The bands last published per unit × group × measure. */
@ApplicationScoped
public class BandStateRepository implements PanacheRepositoryBase<BandStateEntity, String> {

    /** Every stored band by id. */
    public Map<String, BandStateEntity> allById() {
        return indexed(listAll());
    }

    /** The stored bands of some units by id, or of all when {@code regions} is null. */
    public Map<String, BandStateEntity> byId(Set<String> regions) {
        return regions == null ? allById() : indexed(list("region in ?1", regions));
    }

    private static Map<String, BandStateEntity> indexed(List<BandStateEntity> states) {
        return states.stream().collect(Collectors.toMap(state -> state.id, Function.identity()));
    }
}
