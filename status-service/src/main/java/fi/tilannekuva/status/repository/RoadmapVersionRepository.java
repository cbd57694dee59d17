package fi.tilannekuva.status.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.Session;

/** The roadmap versions received. */
@ApplicationScoped
public class RoadmapVersionRepository implements PanacheRepositoryBase<RoadmapVersionEntity, Integer> {

    /** The highest version published by an instant, or the lowest when none was (as situation-service reads it). */
    public Optional<Integer> currentAt(Instant instant) {
        Integer published = getEntityManager()
                .createQuery(
                        "select max(v.version) from RoadmapVersionEntity v where v.publishedAt <= :at", Integer.class)
                .setParameter("at", instant)
                .getSingleResult();
        if (published != null) {
            return Optional.of(published);
        }
        return Optional.ofNullable(getEntityManager()
                .createQuery("select min(v.version) from RoadmapVersionEntity v", Integer.class)
                .getSingleResult());
    }

    /**
     * The highest version received: the current roadmap. Asked on every report (each replica follows a new version at
     * once), so it is one prepared statement on the transaction's connection, without building a query each time.
     */
    public Optional<Integer> highestVersion() {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select max(version) from roadmap_version");
                    ResultSet result = statement.executeQuery()) {
                result.next();
                int version = result.getInt(1);
                return result.wasNull() ? Optional.empty() : Optional.of(version);
            }
        });
    }
}
