package fi.tilannekuva.status.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A reporting round of the calendar. */
@Entity
@Table(name = "reporting_round")
public class RoundEntity {

    @Id
    public String id;

    public String name;

    @Column(name = "window_from")
    public LocalDate windowFrom;

    @Column(name = "window_to")
    public LocalDate windowTo;

    public LocalDate deadline;

    @Column(name = "opens_at")
    public Instant opensAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "closes_at")
    public Instant closesAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "opened_announced_at")
    public Instant openedAnnouncedAt;

    @Column(name = "due_soon_announced_at")
    public Instant dueSoonAnnouncedAt;

    @Column(name = "closed_announced_at")
    public Instant closedAnnouncedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
