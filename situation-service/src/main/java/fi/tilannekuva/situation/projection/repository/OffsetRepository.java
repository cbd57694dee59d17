package fi.tilannekuva.situation.projection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Where each consumed topic partition resumes. */
@ApplicationScoped
public class OffsetRepository implements PanacheRepositoryBase<ConsumedOffsetEntity, String> {

    /** Records that everything before {@code nextOffset} of the partition has been applied. */
    public void advance(String topic, int partition, long nextOffset) {
        getEntityManager()
                .createNativeQuery(
                        """
                insert into consumed_offset (id, topic, partition, next_offset) values (?1, ?2, ?3, ?4)
                on conflict (id) do update set next_offset = excluded.next_offset""")
                .setParameter(1, topic + "/" + partition)
                .setParameter(2, topic)
                .setParameter(3, partition)
                .setParameter(4, nextOffset)
                .executeUpdate();
    }

    /**
     * A token that changes with every committed projection transaction of any replica: each one advances a stored
     * offset, and a row's {@code xmin} (the id of the transaction that wrote it) changes with every update. Compared
     * for equality only.
     */
    public String commitToken() {
        Object token = getEntityManager()
                .createNativeQuery(
                        "select coalesce(string_agg(id || '@' || xmin::text, ',' order by id), '') from consumed_offset")
                .getSingleResult();
        return token == null ? "" : token.toString();
    }

    /** The stored positions of a topic's partitions. */
    public List<ConsumedOffsetEntity> ofTopic(String topic) {
        return list("topic", topic);
    }
}
