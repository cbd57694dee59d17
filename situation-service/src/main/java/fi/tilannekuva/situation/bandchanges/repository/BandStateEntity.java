package fi.tilannekuva.situation.bandchanges.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The band last published for one unit × group × measure. */
@Entity
@Table(name = "band_state")
public class BandStateEntity {
    /** "region/group/measure". */
    @Id
    public String id;

    public String region;
    public String groupCode;
    public String measure;
    public String band;
    public Integer percent;
    public Instant changedAt;
}
