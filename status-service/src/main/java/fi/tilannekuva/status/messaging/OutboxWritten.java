package fi.tilannekuva.status.messaging;

/**
 * Fired inside a transaction that wrote outbox rows; observed after a successful commit to wake the relay.
 *
 * @param rows how many rows the transaction wrote
 */
public record OutboxWritten(int rows) {}
