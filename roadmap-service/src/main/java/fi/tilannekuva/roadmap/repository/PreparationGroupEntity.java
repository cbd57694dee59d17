package fi.tilannekuva.roadmap.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A preparation group (reference data seeded by Flyway). */
@Entity
@Table(name = "preparation_group")
public class PreparationGroupEntity {

    @Id
    public String code;

    public int ordinal;

    @Column(name = "name_fi")
    public String nameFi;

    @Column(name = "name_sv")
    public String nameSv;

    @Column(name = "name_en")
    public String nameEn;
}
