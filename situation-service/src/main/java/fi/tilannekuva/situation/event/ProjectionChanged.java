package fi.tilannekuva.situation.event;

/** Fired inside a transaction that changed the projection; observers act after it commits. */
public record ProjectionChanged() {}
