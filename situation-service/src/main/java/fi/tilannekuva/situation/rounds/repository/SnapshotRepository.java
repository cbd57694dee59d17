package fi.tilannekuva.situation.rounds.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Frozen reporting rounds. */
@ApplicationScoped
public class SnapshotRepository implements PanacheRepositoryBase<SnapshotEntity, String> {

    /** All rounds, the most recent {@code at} first. */
    public List<SnapshotEntity> newestFirst() {
        return listAll(Sort.descending("at"));
    }

    /** The latest round frozen at or before an instant: the one that opened the round current then. */
    public Optional<SnapshotEntity> latestAtOrBefore(Instant instant) {
        return find("at <= ?1 order by at desc", instant).firstResultOptional();
    }

    /** The latest round frozen strictly before an instant: the one a round frozen then is compared with. */
    public Optional<SnapshotEntity> latestBefore(Instant instant) {
        return find("at < ?1 order by at desc", instant).firstResultOptional();
    }

    /** The round whose {@code at} is the latest: it closed the previous round and opened the current one. */
    public Optional<SnapshotEntity> latest() {
        return find("order by at desc").firstResultOptional();
    }
}
