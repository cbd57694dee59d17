package fi.tilannekuva.roadmap;

/** What kind of organisation a reporting unit is. */
public enum RegionKind {
    /** One of the 21 wellbeing services counties (hyvinvointialue). */
    WELLBEING_SERVICES_COUNTY,
    /** The City of Helsinki, which organises its own services. */
    CITY,
    /** The HUS Group, the Uusimaa hospital district. */
    HOSPITAL_DISTRICT
}
