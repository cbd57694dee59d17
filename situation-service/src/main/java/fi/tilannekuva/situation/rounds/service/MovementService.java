package fi.tilannekuva.situation.rounds.service;

import fi.tilannekuva.kit.problem.CalendarRange;
import fi.tilannekuva.kit.problem.Problem.ProblemError;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.picture.api.WindowView;
import fi.tilannekuva.situation.picture.model.Movement;
import fi.tilannekuva.situation.picture.model.Picture;
import fi.tilannekuva.situation.picture.service.PictureLoader;
import fi.tilannekuva.situation.rounds.api.MovementView;
import fi.tilannekuva.situation.rounds.api.SnapshotView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The movement of every cell between two frozen rounds. Each round's picture is the picture as of its instant (which
 * is what it froze, CONTRACT.md), rebuilt from the event log, so that the roadmap, the statuses and the window can be
 * exchanged one at a time.
 */
@ApplicationScoped
public class MovementService {

    @Inject
    SnapshotService snapshots;

    @Inject
    PictureLoader loader;

    @Inject
    SituationConfig config;

    /**
     * The movement from {@code fromId} to {@code toId}, each the id of a frozen round or an RFC 3339 instant.
     *
     * @param readiness false: progress (percent started); true: readiness (percent done)
     * @param region null for every unit
     * @throws ProblemException 404 for an unknown round or a unit in neither round
     */
    @Transactional
    public MovementView movement(String fromId, String toId, boolean readiness, String region) {
        SnapshotView from = end(fromId, "from");
        SnapshotView to = end(toId, "to");
        Picture a = loader.at(from.at());
        Picture b = loader.at(to.at());
        Map<String, Map<Group, Movement.Split>> splits = readiness
                ? Movement.readiness(a, from.deadline(), b, to.deadline())
                : Movement.progress(
                        a,
                        from.window().from(),
                        from.window().to(),
                        b,
                        to.window().from(),
                        to.window().to());
        List<MovementView.UnitMovement> units = new ArrayList<>();
        splits.forEach((unit, cells) -> {
            if (region == null || region.equals(unit)) {
                Map<Group, MovementView.CellMovement> view = new EnumMap<>(Group.class);
                cells.forEach((group, split) -> view.put(
                        group,
                        new MovementView.CellMovement(
                                split.from(),
                                split.to(),
                                split.total(),
                                split.roadmap(),
                                split.reported(),
                                split.window())));
                units.add(new MovementView.UnitMovement(unit, view));
            }
        });
        if (region != null && units.isEmpty()) {
            throw ProblemException.notFound("No reporting unit " + region + " in round " + toId + ".");
        }
        return new MovementView(from, to, readiness ? "READINESS" : "PROGRESS", units);
    }

    /**
     * One end of a movement: a frozen round with its window and deadline, or an instant judged over the monitoring
     * window and deadline the configuration sets (the dashboard's default), so that between two instants only the
     * roadmap and the reports move.
     */
    private SnapshotView end(String reference, String parameter) {
        Instant instant;
        try {
            instant = Instant.parse(reference);
        } catch (DateTimeParseException e) {
            return snapshots.get(reference);
        }
        if (!CalendarRange.contains(instant)) {
            throw ProblemException.invalidParameters(
                    List.of(ProblemError.parameter(parameter, CalendarRange.RULE + ": " + reference)));
        }
        return new SnapshotView(
                null,
                reference,
                new WindowView(
                        config.bandEvents().windowFrom(), config.bandEvents().windowTo()),
                config.bandEvents().deadline(),
                instant,
                null);
    }
}
