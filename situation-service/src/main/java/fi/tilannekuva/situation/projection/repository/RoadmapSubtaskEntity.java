package fi.tilannekuva.situation.projection.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One subtask of a roadmap version, flattened. */
@Entity
@Table(name = "roadmap_subtask")
public class RoadmapSubtaskEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Integer roadmapVersion;
    public String subtaskId;
    public String groupCode;
    /** JSON object of the names by language. */
    public String name;

    public boolean critical;
    public LocalDate scheduleFrom;
    public LocalDate scheduleTo;
    /** null = every unit, else comma-separated unit codes. */
    public String appliesTo;

    public int position;
}
