package fi.tilannekuva.situation.picture.model;

import fi.tilannekuva.kit.reform.Status;
import java.time.Instant;

/** A unit's status of one subtask at one version, as one status-changed event carries it. */
public record StatusRecord(
        String region,
        String subtask,
        long version,
        Status status,
        String comment,
        boolean supportNeeded,
        Instant reportedAt,
        Instant recordedAt) {

    /** The rule every copy of the projection follows: an event replaces the current one only with a higher version. */
    public static boolean supersedes(StatusRecord candidate, StatusRecord current) {
        return current == null || candidate.version() > current.version();
    }
}
