package fi.tilannekuva.system;

import java.util.List;

/** The 23 reporting units of CONTRACT.md. */
public final class Units {

    /** Every unit code, alphabetical by Finnish name. */
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

    /** The Uusimaa units (DOMAIN.md), to which the separate Uusimaa solution applies. */
    public static final List<String> UUSIMAA =
            List.of("helsinki", "hus", "ita-uusimaa", "keski-uusimaa", "lansi-uusimaa", "vantaa-kerava");

    /** The five preparation groups, in display order. */
    public static final List<String> GROUPS = List.of("HTT", "JO", "PJ", "YP", "ICT");

    /** The statuses of CONTRACT.md. */
    public static final List<String> STATUSES = List.of("NOT_STARTED", "IN_PROGRESS", "ON_SCHEDULE", "DELAYED", "DONE");

    private Units() {}
}
