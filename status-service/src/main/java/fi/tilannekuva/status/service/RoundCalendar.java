package fi.tilannekuva.status.service;

import fi.tilannekuva.kit.problem.CalendarRange;
import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.RoundIds;
import fi.tilannekuva.status.api.RoundRequest;
import fi.tilannekuva.status.api.RoundView;
import fi.tilannekuva.status.repository.RoundEntity;
import fi.tilannekuva.status.repository.RoundRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The round calendar, enforced where the reports arrive. A round is planned with the window and deadline it is judged
 * on and three instants, {@code opensAt < dueAt <= closesAt}; planned rounds never overlap. What has happened stays:
 * an instant already passed never changes, one still ahead is never moved into the past, and a closed round never
 * changes at all. Rounds may be planned in the past (a calendar kept after the fact, the demo's rounds).
 */
@ApplicationScoped
public class RoundCalendar {

    @Inject
    RoundRepository rounds;

    @Inject
    Clock clock;

    /**
     * Plans a round.
     *
     * @throws ProblemException 422 naming every invalid field; 409 when the id is taken or the round overlaps another
     */
    @Transactional
    public RoundView plan(RoundRequest request) {
        Instant now = clock.instant();
        List<ProblemError> errors = validate(request);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        String id = RoundIds.slug(request.name());
        if (rounds.findByIdOptional(id).isPresent()) {
            throw new ProblemException(Problem.of(
                    "round-exists",
                    "Round exists",
                    409,
                    "A round with id " + id + " exists already.",
                    List.of(ProblemError.at("/name", "name", "id " + id + " is taken"))));
        }
        checkOverlap(request, null);
        RoundEntity round = new RoundEntity();
        round.id = id;
        round.createdAt = now;
        apply(round, request, now);
        persist(round);
        return view(round, now);
    }

    /**
     * Moves a planned round: its name, window, deadline and instants as far as the rules allow.
     *
     * @throws ProblemException 404 for an unknown round; 409 for a cancelled or closed round or an overlap; 422 naming
     *     every invalid field
     */
    @Transactional
    public RoundView move(String id, RoundRequest request) {
        Instant now = clock.instant();
        RoundEntity round = find(id);
        if (round.cancelledAt != null) {
            throw conflict("round-cancelled", "Round cancelled", "Round " + id + " was cancelled; plan a new one.");
        }
        if (!round.closesAt.isAfter(now)) {
            throw conflict(
                    "round-closed",
                    "Round closed",
                    "Round " + id + " closed at " + round.closesAt + "; a closed round never changes.");
        }
        List<ProblemError> errors = validate(request);
        if (errors.isEmpty()) {
            keep(errors, "opensAt", round.opensAt, request.opensAt(), now);
            keep(errors, "dueAt", round.dueAt, request.dueAt(), now);
            keep(errors, "closesAt", round.closesAt, request.closesAt(), now);
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        checkOverlap(request, id);
        apply(round, request, now);
        persist(round);
        return view(round, now);
    }

    /**
     * Cancels a round that has not closed; cancelling it again changes nothing.
     *
     * @throws ProblemException 404 for an unknown round; 409 for a closed round
     */
    @Transactional
    public RoundView cancel(String id) {
        Instant now = clock.instant();
        RoundEntity round = find(id);
        if (round.cancelledAt == null) {
            if (!round.closesAt.isAfter(now)) {
                throw conflict(
                        "round-closed",
                        "Round closed",
                        "Round " + id + " closed at " + round.closesAt + "; a closed round never changes.");
            }
            round.cancelledAt = now;
            round.updatedAt = now;
        }
        return view(round, now);
    }

    /** Every round, the latest opening first. */
    @Transactional
    public List<RoundView> list() {
        Instant now = clock.instant();
        return rounds.latestFirst().stream().map(round -> view(round, now)).toList();
    }

    /**
     * One round.
     *
     * @throws ProblemException 404 for an unknown round
     */
    @Transactional
    public RoundView get(String id) {
        return view(find(id), clock.instant());
    }

    /** A round's view as of an instant. */
    public static RoundView view(RoundEntity round, Instant now) {
        return new RoundView(
                round.id,
                round.name,
                new RoundView.RoundWindow(round.windowFrom, round.windowTo),
                round.deadline,
                round.opensAt,
                round.dueAt,
                round.closesAt,
                state(round, now),
                round.cancelledAt,
                round.createdAt,
                round.updatedAt);
    }

    private static String state(RoundEntity round, Instant now) {
        if (round.cancelledAt != null) {
            return "CANCELLED";
        }
        if (now.isBefore(round.opensAt)) {
            return "PLANNED";
        }
        if (now.isBefore(round.dueAt)) {
            return "OPEN";
        }
        return now.isBefore(round.closesAt) ? "OVERDUE" : "CLOSED";
    }

    private RoundEntity find(String id) {
        return rounds.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No round " + id + "."));
    }

    private static List<ProblemError> validate(RoundRequest request) {
        List<ProblemError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(ProblemError.at("", "body", "a round is required"));
            return errors;
        }
        RoundIds.checkName(request.name(), errors);
        RoundView.RoundWindow window = request.window();
        RoundIds.checkWindow(
                window == null ? null : window.from(), window == null ? null : window.to(), window != null, errors);
        if (request.deadline() == null) {
            errors.add(ProblemError.at("/deadline", "deadline", "is required"));
        } else if (!CalendarRange.contains(request.deadline())) {
            errors.add(ProblemError.at("/deadline", "deadline", CalendarRange.RULE));
        }
        boolean instants = true;
        for (var field : List.of(
                new Object[] {"opensAt", request.opensAt()},
                new Object[] {"dueAt", request.dueAt()},
                new Object[] {"closesAt", request.closesAt()})) {
            Instant value = (Instant) field[1];
            if (value == null) {
                errors.add(ProblemError.at("/" + field[0], (String) field[0], "is required"));
                instants = false;
            } else if (!CalendarRange.contains(value)) {
                errors.add(ProblemError.at("/" + field[0], (String) field[0], CalendarRange.RULE));
                instants = false;
            }
        }
        if (instants) {
            if (!request.opensAt().isBefore(request.dueAt())) {
                errors.add(ProblemError.at("/dueAt", "dueAt", "must be after opensAt"));
            }
            if (request.dueAt().isAfter(request.closesAt())) {
                errors.add(ProblemError.at("/dueAt", "dueAt", "must not be after closesAt"));
            }
        }
        return errors;
    }

    /** An instant that has passed stays as it is; one still ahead is not moved into the past. */
    private static void keep(List<ProblemError> errors, String field, Instant was, Instant asked, Instant now) {
        if (!was.isAfter(now) && !was.equals(asked)) {
            errors.add(ProblemError.at("/" + field, field, "passed at " + was + "; it cannot change"));
        } else if (was.isAfter(now) && asked.isBefore(now)) {
            errors.add(ProblemError.at("/" + field, field, "must not be moved into the past (now " + now + ")"));
        }
    }

    private void checkOverlap(RoundRequest request, String except) {
        List<RoundEntity> others = rounds.overlapping(request.opensAt(), request.closesAt(), except);
        if (!others.isEmpty()) {
            throw overlap(others.stream().map(round -> round.id).toList());
        }
    }

    private void persist(RoundEntity round) {
        try {
            rounds.persistAndFlush(round);
        } catch (PersistenceException e) {
            // the exclusion constraint: another round was planned over the same time at the same moment
            throw overlap(List.of("planned concurrently"));
        }
    }

    private static ProblemException overlap(List<String> others) {
        return new ProblemException(Problem.of(
                "round-overlaps",
                "Rounds overlap",
                409,
                "Rounds never overlap: [opensAt, closesAt) meets " + String.join(", ", others) + ".",
                List.of(
                        ProblemError.at("/opensAt", "opensAt", "overlaps " + String.join(", ", others)),
                        ProblemError.at("/closesAt", "closesAt", "overlaps " + String.join(", ", others)))));
    }

    private static void apply(RoundEntity round, RoundRequest request, Instant now) {
        round.name = request.name();
        round.windowFrom = request.window().from();
        round.windowTo = request.window().to();
        round.deadline = request.deadline();
        round.opensAt = request.opensAt();
        round.dueAt = request.dueAt();
        round.closesAt = request.closesAt();
        round.updatedAt = now;
        Objects.requireNonNull(round.createdAt);
    }

    private static ProblemException invalid(List<ProblemError> errors) {
        return new ProblemException(
                Problem.of("invalid-round", "Invalid round", 422, "The round has invalid fields.", errors));
    }

    private static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Problem.of(slug, title, 409, detail));
    }
}
