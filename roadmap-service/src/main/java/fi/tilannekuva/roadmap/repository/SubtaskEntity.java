package fi.tilannekuva.roadmap.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One subtask of one version, flat, for filtering and diffing; immutable once stored. */
@Entity
@Table(name = "roadmap_subtask")
public class SubtaskEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "row_id")
    public Long rowId;

    public int version;

    @Column(name = "subtask_id")
    public String subtaskId;

    public int ordinal;

    @Column(name = "group_code")
    public String groupCode;

    @Column(name = "entity_id")
    public String entityId;

    @Column(name = "task_id")
    public String taskId;

    public String number;

    @Column(name = "name_fi")
    public String nameFi;

    @Column(name = "name_sv")
    public String nameSv;

    @Column(name = "name_en")
    public String nameEn;

    public boolean critical;

    @Column(name = "schedule_from")
    public LocalDate scheduleFrom;

    @Column(name = "schedule_to")
    public LocalDate scheduleTo;

    /** Null = every unit. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "applies_to")
    public String[] appliesTo;
}
