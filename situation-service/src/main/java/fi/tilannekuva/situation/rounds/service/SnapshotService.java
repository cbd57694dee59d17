package fi.tilannekuva.situation.rounds.service;

import fi.tilannekuva.kit.events.RoundEvent;
import fi.tilannekuva.kit.problem.CalendarRange;
import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.RoundIds;
import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.picture.api.SnapshotRef;
import fi.tilannekuva.situation.picture.api.WindowView;
import fi.tilannekuva.situation.picture.service.PictureCache;
import fi.tilannekuva.situation.picture.service.PictureService;
import fi.tilannekuva.situation.rounds.api.NewSnapshot;
import fi.tilannekuva.situation.rounds.api.SnapshotView;
import fi.tilannekuva.situation.rounds.repository.SnapshotEntity;
import fi.tilannekuva.situation.rounds.repository.SnapshotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reporting rounds: pictures frozen at an instant, stored as computed and never recomputed. */
@ApplicationScoped
public class SnapshotService {

    /** The longest round name: it becomes the round's id in URLs and is shown in lists. */
    public static final int MAX_NAME = RoundIds.MAX_NAME;

    @Inject
    SnapshotRepository snapshots;

    @Inject
    PictureService pictures;

    @Inject
    SituationConfig config;

    @Inject
    Clock clock;

    /**
     * Freezes a round: computes progress and readiness as of {@code at} and stores both bodies.
     *
     * @return the stored round
     * @throws ProblemException 422 naming every invalid field, 409 when a round with the same id exists
     */
    @Transactional
    public SnapshotView freeze(NewSnapshot request) {
        Instant now = clock.instant();
        List<ProblemError> errors = new ArrayList<>();
        RoundIds.checkName(request.name(), errors);
        WindowView window = request.window();
        RoundIds.checkWindow(
                window == null ? null : window.from(), window == null ? null : window.to(), window != null, errors);
        if (request.deadline() != null && !CalendarRange.contains(request.deadline())) {
            errors.add(ProblemError.at("/deadline", "deadline", CalendarRange.RULE));
        }
        if (request.at() != null && !CalendarRange.contains(request.at())) {
            errors.add(ProblemError.at("/at", "at", CalendarRange.RULE));
        }
        Instant at = request.at() == null ? now : request.at();
        if (at.isAfter(now) && errors.stream().noneMatch(e -> "at".equals(e.field()))) {
            errors.add(ProblemError.at("/at", "at", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(
                    "invalid-snapshot", "Invalid snapshot", 422, "The snapshot request has invalid fields.", errors));
        }
        String id = slug(request.name());
        if (snapshots.findByIdOptional(id).isPresent()) {
            throw new ProblemException(Problem.of(
                    "snapshot-exists",
                    "Snapshot exists",
                    409,
                    "A snapshot with id " + id + " exists already; it never changes.",
                    List.of(ProblemError.at("/name", "name", "id " + id + " is taken"))));
        }
        LocalDate deadline = request.deadline() == null ? config.defaultDeadline() : request.deadline();
        SnapshotRef ref = new SnapshotRef(id, request.name());
        SnapshotEntity entity = new SnapshotEntity();
        entity.id = id;
        entity.name = request.name();
        entity.windowFrom = window.from();
        entity.windowTo = window.to();
        entity.deadline = deadline;
        entity.at = at;
        entity.createdAt = now;
        entity.progress =
                text(pictures.progressView(window.from(), window.to(), at).inSnapshot(ref));
        entity.readiness = text(pictures.readinessView(deadline, at).inSnapshot(ref));
        snapshots.persist(entity);
        return view(entity);
    }

    /**
     * Freezes a round the calendar closed, with its own window and deadline, as of its {@code closesAt}; a round frozen
     * already (a redelivered event, a restart) is left as it is.
     *
     * @return true when it was frozen now
     */
    @Transactional
    public boolean freezeClosed(RoundEvent round) {
        if (snapshots.findByIdOptional(round.round()).isPresent()) {
            return false;
        }
        freeze(new NewSnapshot(
                round.name(),
                new WindowView(round.windowFrom(), round.windowTo()),
                round.deadline(),
                round.closesAt()));
        return true;
    }

    /** Every round, the latest first. */
    @Transactional
    public List<SnapshotView> list() {
        return snapshots.newestFirst().stream().map(SnapshotService::view).toList();
    }

    /**
     * The stored progress body of a round.
     *
     * @throws ProblemException 404 for an unknown round
     */
    @Transactional
    public PictureCache.Body progress(String id) {
        return body(find(id).progress);
    }

    /**
     * The stored readiness body of a round.
     *
     * @throws ProblemException 404 for an unknown round
     */
    @Transactional
    public PictureCache.Body readiness(String id) {
        return body(find(id).readiness);
    }

    /**
     * One frozen round: its window, deadline and instant.
     *
     * @throws ProblemException 404 for an unknown round
     */
    @Transactional
    public SnapshotView get(String id) {
        return view(find(id));
    }

    /** The {@code at} of the latest round: the start of the current reporting round, null before the first. */
    @Transactional
    public Instant currentRoundSince() {
        return snapshots.latest().map(snapshot -> snapshot.at).orElse(null);
    }

    /**
     * The start of the reporting round current at an instant: the {@code at} of the latest round frozen by then, null
     * when none was; for a null instant, the current round now.
     */
    @Transactional
    public Instant roundSinceAsOf(Instant instant) {
        if (instant == null) {
            return currentRoundSince();
        }
        return snapshots.latestAtOrBefore(instant).map(snapshot -> snapshot.at).orElse(null);
    }

    /** The {@code at} of the latest round frozen strictly before an instant, null when none was. */
    @Transactional
    public Instant roundBefore(Instant instant) {
        SnapshotView previous = previous(instant);
        return previous == null ? null : previous.at();
    }

    /** The round frozen last strictly before an instant, null when none was. */
    @Transactional
    public SnapshotView previous(Instant instant) {
        return snapshots.latestBefore(instant).map(SnapshotService::view).orElse(null);
    }

    /** The id of a round's name (service-kit's {@link RoundIds#slug}, the same as the round calendar's). */
    public static String slug(String name) {
        return RoundIds.slug(name);
    }

    private SnapshotEntity find(String id) {
        return snapshots.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No snapshot " + id + "."));
    }

    private static PictureCache.Body body(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new PictureCache.Body(bytes, PictureCache.etag(bytes));
    }

    private String text(Object view) {
        return new String(pictures.json(view), StandardCharsets.UTF_8);
    }

    static SnapshotView view(SnapshotEntity entity) {
        return new SnapshotView(
                entity.id,
                entity.name,
                new WindowView(entity.windowFrom, entity.windowTo),
                entity.deadline,
                entity.at,
                entity.createdAt);
    }
}
