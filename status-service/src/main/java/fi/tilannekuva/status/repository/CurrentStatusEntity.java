package fi.tilannekuva.status.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The current record of a (unit, subtask) (written in bulk by {@link ReportBatchWriter}). */
@Entity
@Table(name = "current_status")
@IdClass(CurrentStatusEntity.Key.class)
public class CurrentStatusEntity {

    @Id
    public String region;

    @Id
    public String subtask;

    @Column(name = "group_code")
    public String groupCode;

    @Column(name = "report_id")
    public long reportId;

    @Column(name = "roadmap_version")
    public int roadmapVersion;

    public String status;

    public String comment;

    @Column(name = "support_needed")
    public boolean supportNeeded;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public int version;

    /** The primary key: unit and subtask. */
    public static class Key implements Serializable {
        public String region;
        public String subtask;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(region, k.region) && Objects.equals(subtask, k.subtask);
        }

        @Override
        public int hashCode() {
            return Objects.hash(region, subtask);
        }
    }
}
