package fi.tilannekuva.situation.event;

import java.time.Instant;

/** The data of a status-changed event (status-service owns its schema). */
public record StatusChanged(
        String eventId,
        String region,
        String subtask,
        Integer roadmapVersion,
        String status,
        String previousStatus,
        String comment,
        boolean supportNeeded,
        Instant reportedAt,
        Instant recordedAt,
        long version) {}
