package fi.tilannekuva.status.service;

/** An Idempotency-Key that already answered another request body. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different request body; use a new key.");
    }
}
