package fi.tilannekuva.status.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A reporting unit as listed by one roadmap version. */
@Entity
@Table(name = "roadmap_region")
@IdClass(RoadmapRegionEntity.Key.class)
public class RoadmapRegionEntity {

    @Id
    public Integer version;

    @Id
    public String code;

    @Column(name = "name_fi")
    public String nameFi;

    public String kind;

    public boolean uusimaa;

    /** The primary key: version and unit code. */
    public static class Key implements Serializable {
        public Integer version;
        public String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(version, k.version) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, code);
        }
    }
}
