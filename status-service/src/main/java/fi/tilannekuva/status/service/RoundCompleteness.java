package fi.tilannekuva.status.service;

import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.status.RoadmapSnapshot;
import fi.tilannekuva.status.api.CompletenessView;
import fi.tilannekuva.status.api.CompletenessView.UnitCompleteness;
import fi.tilannekuva.status.api.ConfirmationReceipt;
import fi.tilannekuva.status.api.ExceptionRequest;
import fi.tilannekuva.status.api.ExceptionView;
import fi.tilannekuva.status.api.StaleView;
import fi.tilannekuva.status.repository.CurrentStatusRepository;
import fi.tilannekuva.status.repository.RoundActivityRepository;
import fi.tilannekuva.status.repository.RoundActivityRepository.Activity;
import fi.tilannekuva.status.repository.RoundEntity;
import fi.tilannekuva.status.repository.RoundRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completeness, timeliness and coverage of the rounds, exactly as CONTRACT.md ("Reporting rounds") defines them: a
 * unit's activity in a round is the report items received in {@code [opensAt, closesAt)} and its confirmations of
 * "unchanged" in the round; {@code ON_TIME} when some of it came before {@code dueAt}, {@code LATE} when it all came
 * after, {@code MISSING} when there is none; coverage is the share of the subtasks tracked for the round's readiness
 * that the unit reported or confirmed in the round.
 */
@ApplicationScoped
public class RoundCompleteness {

    @Inject
    RoundRepository rounds;

    @Inject
    RoundActivityRepository activity;

    @Inject
    RoadmapCatalog roadmaps;

    @Inject
    CurrentStatusRepository current;

    @Inject
    Clock clock;

    /**
     * One round's completeness.
     *
     * @throws ProblemException 404 for an unknown round
     */
    @Transactional
    public CompletenessView of(String id) {
        RoundEntity round = find(id);
        Instant now = clock.instant();
        RoadmapSnapshot roadmap = roadmaps.at(round.closesAt).orElse(null);
        List<UnitCompleteness> units = units(round, roadmap);
        int onTime = (int)
                units.stream().filter(u -> u.timeliness().equals("ON_TIME")).count();
        int late =
                (int) units.stream().filter(u -> u.timeliness().equals("LATE")).count();
        int tracked = units.stream().mapToInt(UnitCompleteness::tracked).sum();
        int covered = units.stream().mapToInt(UnitCompleteness::covered).sum();
        return new CompletenessView(
                RoundCalendar.view(round, now),
                roadmap == null ? null : roadmap.version(),
                new CompletenessView.National(
                        units.size(),
                        onTime,
                        late,
                        units.size() - onTime - late,
                        percent(onTime, units.size()),
                        tracked == 0 ? null : percent(covered, tracked)),
                units);
    }

    /**
     * One unit's completeness in every round opened by now, the earliest first.
     *
     * @throws ProblemException 404 for an unknown unit
     */
    @Transactional
    public List<UnitCompleteness> history(String region) {
        requireUnit(region);
        List<UnitCompleteness> history = new ArrayList<>();
        for (RoundEntity round : rounds.openedBy(clock.instant())) {
            RoadmapSnapshot roadmap = roadmaps.at(round.closesAt).orElse(null);
            units(round, roadmap).stream()
                    .filter(unit -> unit.region().equals(region))
                    .forEach(history::add);
        }
        return history;
    }

    /**
     * The unit's tracked subtasks (under the current roadmap, for the readiness deadline of the last round opened)
     * whose last report or confirmation is older than the start of the {@code n}th last round opened.
     *
     * @throws ProblemException 404 for an unknown unit
     */
    @Transactional
    public StaleView stale(String region, int n) {
        requireUnit(region);
        List<RoundEntity> opened = rounds.openedBy(clock.instant());
        if (opened.size() < n) {
            return new StaleView(region, n, null, List.of());
        }
        Instant before = opened.get(opened.size() - n).opensAt;
        RoundEntity latest = opened.get(opened.size() - 1);
        RoadmapSnapshot roadmap = roadmaps.current().orElse(null);
        if (roadmap == null) {
            return new StaleView(region, n, before, List.of());
        }
        Map<String, Instant> last = new HashMap<>();
        for (Activity each : activity.lastActivity(region)) {
            last.put(each.subtask(), each.at());
        }
        List<StaleView.StaleSubtask> stale = new ArrayList<>();
        for (RoadmapSnapshot.Subtask subtask : tracked(roadmap, region, latest)) {
            Instant at = last.get(subtask.id());
            if (at == null || at.isBefore(before)) {
                Integer since = at == null
                        ? null
                        : (int) opened.stream()
                                .filter(round -> !round.opensAt.isBefore(at))
                                .count();
                stale.add(new StaleView.StaleSubtask(subtask.id(), subtask.group(), at, since));
            }
        }
        stale.sort(Comparator.comparing(
                        StaleView.StaleSubtask::lastAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .thenComparing(StaleView.StaleSubtask::subtask));
        return new StaleView(region, n, before, stale);
    }

    /**
     * Records the unit's "unchanged" in the round open now.
     *
     * @param subtasks null for every subtask the unit has a current status for
     * @throws ProblemException 409 when no round is open; 422 naming each subtask the unit has no current status for
     */
    @Transactional
    public ConfirmationReceipt confirm(String region, List<String> subtasks) {
        requireUnit(region);
        Instant now = clock.instant();
        RoundEntity round = rounds.openAt(now)
                .orElseThrow(() -> new ProblemException(Problem.of(
                        "no-open-round", "No open round", 409, "No reporting round is open now; nothing to confirm.")));
        Set<String> known = new LinkedHashSet<>();
        current.ofRegion(region, null, null).list().forEach(status -> known.add(status.subtask));
        Set<String> chosen = new LinkedHashSet<>();
        if (subtasks == null) {
            chosen.addAll(known);
        } else {
            List<ProblemError> errors = new ArrayList<>();
            for (int i = 0; i < subtasks.size(); i++) {
                String subtask = subtasks.get(i);
                if (subtask == null || !known.contains(subtask)) {
                    errors.add(ProblemError.at(
                            "/subtasks/" + i,
                            "subtasks[" + i + "]",
                            "the unit has no current status for " + Problem.bounded(subtask) + " to confirm"));
                } else {
                    chosen.add(subtask);
                }
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(Problem.of(
                        "invalid-confirmation",
                        "Invalid confirmation",
                        422,
                        "Only a status the unit has reported can be confirmed unchanged; nothing was stored.",
                        errors));
            }
        }
        int added = activity.confirm(round.id, region, chosen, now);
        return new ConfirmationReceipt(round.id, region, added, chosen.size() - added);
    }

    private List<UnitCompleteness> units(RoundEntity round, RoadmapSnapshot roadmap) {
        Map<String, Instant> until = new HashMap<>();
        Instant last = round.closesAt;
        for (RoundActivityRepository.Exception exception : activity.exceptions(round.id)) {
            until.put(exception.region(), exception.until());
            last = exception.until().isAfter(last) ? exception.until() : last;
        }
        Map<String, Map<String, Instant>> first = new HashMap<>();
        for (Activity each : activity.firstActivity(round.id, round.opensAt, last)) {
            if (each.at().isBefore(until.getOrDefault(each.region(), round.closesAt))) {
                first.computeIfAbsent(each.region(), r -> new HashMap<>()).put(each.subtask(), each.at());
            }
        }
        List<UnitCompleteness> units = new ArrayList<>();
        for (String region : Units.ALL) {
            if (roadmap != null && !roadmap.knowsRegion(region)) {
                continue;
            }
            Map<String, Instant> ofUnit = first.getOrDefault(region, Map.of());
            Instant firstAt =
                    ofUnit.values().stream().min(Comparator.naturalOrder()).orElse(null);
            String timeliness = firstAt == null ? "MISSING" : firstAt.isBefore(round.dueAt) ? "ON_TIME" : "LATE";
            List<RoadmapSnapshot.Subtask> tracked = roadmap == null ? List.of() : tracked(roadmap, region, round);
            int covered = (int) tracked.stream()
                    .filter(subtask -> ofUnit.containsKey(subtask.id()))
                    .count();
            units.add(new UnitCompleteness(
                    round.id,
                    region,
                    timeliness,
                    firstAt,
                    tracked.size(),
                    covered,
                    tracked.isEmpty() ? null : percent(covered, tracked.size()),
                    until.get(region)));
        }
        return units;
    }

    /**
     * Reopens a round for one unit until an instant after it closed: the unit's reports until then count for the
     * round's completeness (LATE); the round's frozen picture never changes. Granting again moves it, and the instant
     * it replaces is kept.
     *
     * @throws ProblemException 404 for an unknown round; 409 for a cancelled one; 422 naming every bad field
     */
    @Transactional
    public ExceptionView grant(String id, ExceptionRequest request) {
        RoundEntity round = find(id);
        if (round.cancelledAt != null) {
            throw new ProblemException(
                    Problem.of("round-cancelled", "Round cancelled", 409, "Round " + id + " was cancelled."));
        }
        List<ProblemError> errors = new ArrayList<>();
        if (request.region() == null || !Units.ALL.contains(request.region())) {
            errors.add(
                    ProblemError.at("/region", "region", "not a reporting unit: " + Problem.bounded(request.region())));
        }
        if (request.until() == null) {
            errors.add(ProblemError.at("/until", "until", "is required"));
        } else if (!request.until().isAfter(round.closesAt)) {
            errors.add(ProblemError.at("/until", "until", "must be after the round's closesAt " + round.closesAt));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            errors.add(ProblemError.at("/reason", "reason", "must not be blank"));
        } else if (request.reason().length() > 500 || request.reason().indexOf('\0') >= 0) {
            errors.add(ProblemError.at("/reason", "reason", "at most 500 characters, no NUL"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    Problem.of("invalid-exception", "Invalid exception", 422, "Nothing was granted.", errors));
        }
        activity.grant(id, request.region(), request.until(), request.reason(), clock.instant());
        return exceptions(id).stream()
                .filter(exception -> exception.region().equals(request.region()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * A round's exceptions.
     *
     * @throws ProblemException 404 for an unknown round
     */
    @Transactional
    public List<ExceptionView> exceptions(String id) {
        find(id);
        return activity.exceptions(id).stream()
                .map(exception -> new ExceptionView(
                        id,
                        exception.region(),
                        exception.until(),
                        exception.reason(),
                        exception.grantedAt(),
                        exception.previousUntil()))
                .toList();
    }

    /** Tracked for the round's readiness: critical, applicable, schedule beginning before its deadline (or none). */
    private static List<RoadmapSnapshot.Subtask> tracked(RoadmapSnapshot roadmap, String region, RoundEntity round) {
        return roadmap.subtasks().values().stream()
                .filter(subtask -> subtask.critical() && subtask.appliesTo(region))
                .filter(subtask -> subtask.from() == null || subtask.from().isBefore(round.deadline))
                .sorted(Comparator.comparing(RoadmapSnapshot.Subtask::id))
                .toList();
    }

    /** round-half-up(100 × n / of), as the picture counts. */
    static int percent(int n, int of) {
        return of == 0 ? 0 : (200 * n + of) / (2 * of);
    }

    private RoundEntity find(String id) {
        return rounds.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No round " + id + "."));
    }

    private static void requireUnit(String region) {
        if (!Units.ALL.contains(region)) {
            throw ProblemException.notFound("No reporting unit has this code.");
        }
    }
}
