package fi.tilannekuva.situation.service;

/** Fired inside a transaction that changed the projection; observers act after it commits. */
public record ProjectionChanged() {}
