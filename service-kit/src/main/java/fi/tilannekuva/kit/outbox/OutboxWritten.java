package fi.tilannekuva.kit.outbox;

/** Fired inside a transaction that wrote outbox rows; observed after a successful commit to wake the relay. */
public record OutboxWritten() {}
