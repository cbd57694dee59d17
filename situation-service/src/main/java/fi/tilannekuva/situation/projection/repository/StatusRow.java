package fi.tilannekuva.situation.projection.repository;

import java.time.Instant;

/**
 * A status record as read for a picture: plain values, not a managed entity, so reading thousands of them leaves
 * nothing for Hibernate to track and check at the transaction's flush.
 */
public record StatusRow(
        String region,
        String subtask,
        long version,
        String status,
        String comment,
        boolean supportNeeded,
        Instant reportedAt,
        Instant recordedAt) {}
