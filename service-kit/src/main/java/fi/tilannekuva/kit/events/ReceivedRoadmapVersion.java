package fi.tilannekuva.kit.events;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The columns every consumer of roadmap-published keeps of a version it received: the version, its label and
 * publication time, and which event brought it when (for an operator following one version through the system). Each
 * consumer maps it to its own table {@code roadmap_version}.
 */
@MappedSuperclass
public abstract class ReceivedRoadmapVersion {

    @Id
    public Integer version;

    public String label;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The id of the event that brought this version. */
    @Column(name = "event_id")
    public String eventId;

    /** When this service stored it. */
    @Column(name = "received_at")
    public Instant receivedAt;
}
