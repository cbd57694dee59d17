package fi.tilannekuva.roadmap.repository;

import fi.tilannekuva.roadmap.RegionKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reporting unit (reference data seeded by Flyway). */
@Entity
@Table(name = "region")
public class RegionEntity {

    @Id
    public String code;

    public int ordinal;

    @Column(name = "name_fi")
    public String nameFi;

    @Column(name = "name_sv")
    public String nameSv;

    @Enumerated(EnumType.STRING)
    public RegionKind kind;

    public boolean uusimaa;
}
