package fi.tilannekuva.situation;

/** The five preparation groups (valmisteluryhmät), in the order every table shows them. */
public enum Group {
    HTT,
    JO,
    PJ,
    YP,
    ICT
}
