package fi.tilannekuva.status.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subtask of one roadmap version, with its criticality and the units it applies to. */
@Entity
@Table(name = "roadmap_subtask")
@IdClass(RoadmapSubtaskEntity.Key.class)
public class RoadmapSubtaskEntity {

    @Id
    public Integer version;

    @Id
    @Column(name = "subtask_id")
    public String subtaskId;

    @Column(name = "group_code")
    public String groupCode;

    @Column(name = "name_fi")
    public String nameFi;

    public boolean critical;

    @Column(name = "schedule_from")
    public LocalDate scheduleFrom;

    @Column(name = "schedule_to")
    public LocalDate scheduleTo;

    /** Null: every unit. */
    @Column(name = "applies_to")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> appliesTo;

    /** The primary key: version and subtask id. */
    public static class Key implements Serializable {
        public Integer version;
        public String subtaskId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(version, k.version) && Objects.equals(subtaskId, k.subtaskId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, subtaskId);
        }
    }
}
