package fi.tilannekuva.roadmap.messaging;

/** Fired inside a transaction that wrote to the outbox; the relay reacts once it has committed. */
public record OutboxWritten(String topic) {}
