package fi.tilannekuva.kit.reform;

import java.util.List;

/** The 23 reporting units of the contract (CONTRACT.md): 21 wellbeing services counties, Helsinki and HUS. */
public final class Units {

    /** Every unit code, alphabetical by the unit's Finnish name. */
    public static final List<String> ALL = List.of(
            "etela-karjala",
            "etela-pohjanmaa",
            "etela-savo",
            "helsinki",
            "hus",
            "ita-uusimaa",
            "kainuu",
            "kanta-hame",
            "keski-pohjanmaa",
            "keski-suomi",
            "keski-uusimaa",
            "kymenlaakso",
            "lappi",
            "lansi-uusimaa",
            "pirkanmaa",
            "pohjanmaa",
            "pohjois-karjala",
            "pohjois-pohjanmaa",
            "pohjois-savo",
            "paijat-hame",
            "satakunta",
            "vantaa-kerava",
            "varsinais-suomi");

    /** The Uusimaa units (the separate solution for Uusimaa applies to them). */
    public static final List<String> UUSIMAA =
            List.of("helsinki", "hus", "ita-uusimaa", "keski-uusimaa", "lansi-uusimaa", "vantaa-kerava");

    private Units() {}
}
