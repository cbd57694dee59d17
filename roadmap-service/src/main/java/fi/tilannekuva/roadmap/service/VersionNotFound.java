package fi.tilannekuva.roadmap.service;

/** A version that was never published (or none at all yet, for "current"). */
public class VersionNotFound extends RuntimeException {

    /** No such version. */
    public VersionNotFound(String message) {
        super(message);
    }
}
