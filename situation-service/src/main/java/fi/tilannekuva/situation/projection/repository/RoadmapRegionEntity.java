package fi.tilannekuva.situation.projection.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reporting unit as one roadmap version lists it. */
@Entity
@Table(name = "roadmap_region")
public class RoadmapRegionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Integer roadmapVersion;
    public String code;
    /** JSON object of the names by language. */
    public String name;

    public String kind;
    public boolean uusimaa;
}
