package fi.tilannekuva.situation.rounds.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A frozen reporting round with its computed pictures. */
@Entity
@Table(name = "snapshot")
public class SnapshotEntity {
    @Id
    public String id;

    public String name;
    public LocalDate windowFrom;
    public LocalDate windowTo;
    public LocalDate deadline;
    public Instant at;
    public Instant createdAt;
    /** The JSON body of the progress view, as served. */
    public String progress;
    /** The JSON body of the readiness view, as served. */
    public String readiness;
}
