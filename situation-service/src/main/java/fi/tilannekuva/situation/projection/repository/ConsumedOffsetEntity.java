package fi.tilannekuva.situation.projection.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The next offset to read of one topic partition, committed with the projection. */
@Entity
@Table(name = "consumed_offset")
public class ConsumedOffsetEntity {
    /** "topic/partition". */
    @Id
    public String id;

    public String topic;
    public int partition;
    public long nextOffset;
}
