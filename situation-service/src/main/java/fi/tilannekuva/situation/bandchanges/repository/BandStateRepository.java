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

    /**
     * The stored bands of some units by id, or of all when {@code regions} is null. Native SQL with one array
     * parameter: the query language's {@code in} list is translated again for every number of units (most of the band
     * check's time after each applied batch, in the freshness profile).
     */
    @SuppressWarnings("unchecked")
    public Map<String, BandStateEntity> byId(Set<String> regions) {
        if (regions == null) {
            return allById();
        }
        return indexed(getEntityManager()
                .createNativeQuery("select * from band_state where region = any (?1)", BandStateEntity.class)
                .setParameter(1, regions.toArray(String[]::new))
                .getResultList());
    }

    private static Map<String, BandStateEntity> indexed(List<BandStateEntity> states) {
        return states.stream().collect(Collectors.toMap(state -> state.id, Function.identity()));
    }
}
