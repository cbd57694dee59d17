package fi.tilannekuva.situation.partners.service;

/** Fired when a transaction that journaled new events has committed: deliveries and long polls look again. */
public record JournalAppended(int events) {}
