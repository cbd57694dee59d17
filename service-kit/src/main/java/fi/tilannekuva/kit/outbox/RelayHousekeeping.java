package fi.tilannekuva.kit.outbox;

import java.time.Instant;

/**
 * Fired about once an hour by the replica that relays, after it deleted old sent rows: a service observes it for its
 * own periodic clean-up, so that exactly one replica does it.
 */
public record RelayHousekeeping(Instant at) {}
