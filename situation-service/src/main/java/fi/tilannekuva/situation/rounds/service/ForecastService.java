package fi.tilannekuva.situation.rounds.service;

import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.picture.api.ReadinessCell;
import fi.tilannekuva.situation.picture.api.ReadinessRow;
import fi.tilannekuva.situation.picture.model.Forecast;
import fi.tilannekuva.situation.picture.model.Picture;
import fi.tilannekuva.situation.picture.model.PictureCalculator;
import fi.tilannekuva.situation.picture.service.PictureLoader;
import fi.tilannekuva.situation.rounds.api.ForecastView;
import fi.tilannekuva.situation.rounds.api.ForecastView.CellForecast;
import fi.tilannekuva.situation.rounds.api.ForecastView.Observed;
import fi.tilannekuva.situation.rounds.repository.SnapshotEntity;
import fi.tilannekuva.situation.rounds.repository.SnapshotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readiness forecast: per unit × group, the done percent against one deadline as of each frozen round (the
 * picture as of the round's instant, CONTRACT.md), extended to the deadline by {@link Forecast}.
 */
@ApplicationScoped
public class ForecastService {

    @Inject
    SnapshotRepository snapshots;

    @Inject
    PictureLoader loader;

    @Inject
    SituationConfig config;

    /**
     * The forecast.
     *
     * @param region null for every unit
     * @param deadline null for the configured deadline
     * @param target the done percent to reach, 1–100
     * @param asOf null to use every round, else the rounds frozen by then
     * @throws ProblemException 404 for a unit in no round's roadmap
     */
    @Transactional
    public ForecastView forecast(String region, LocalDate deadline, int target, Instant asOf) {
        LocalDate day = deadline == null ? config.defaultDeadline() : deadline;
        List<SnapshotEntity> rounds = new ArrayList<>(snapshots.newestFirst());
        Collections.reverse(rounds);
        rounds.removeIf(round -> asOf != null && round.at.isAfter(asOf));
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        Map<String, Map<Group, List<Observed>>> history = new LinkedHashMap<>();
        for (SnapshotEntity round : rounds) {
            Picture picture = loader.asOf(round.at);
            if (picture.roadmap() == null) {
                continue;
            }
            for (ReadinessRow row :
                    PictureCalculator.readiness(picture, day, round.at).rows()) {
                if (region != null && !region.equals(row.region())) {
                    continue;
                }
                names.put(row.region(), row.name());
                Map<Group, List<Observed>> ofUnit = history.computeIfAbsent(row.region(), unit -> series());
                for (Group group : Group.values()) {
                    ReadinessCell cell = row.cells().get(group);
                    if (cell != null && cell.donePercent() != null) {
                        ofUnit.get(group)
                                .add(new Observed(
                                        round.id,
                                        round.at,
                                        cell.donePercent(),
                                        picture.roadmap().version()));
                    }
                }
            }
        }
        if (region != null && history.isEmpty() && !rounds.isEmpty()) {
            throw ProblemException.notFound("No reporting unit " + region + " in any round.");
        }
        Instant deadlineInstant = day.atStartOfDay(config.zone()).toInstant();
        List<ForecastView.UnitForecast> units = new ArrayList<>();
        history.forEach((unit, series) -> {
            Map<Group, CellForecast> cells = new EnumMap<>(Group.class);
            series.forEach((group, observed) -> cells.put(group, cell(observed, deadlineInstant, target)));
            units.add(new ForecastView.UnitForecast(unit, names.get(unit), cells));
        });
        return new ForecastView(
                day, target, asOf, rounds.stream().map(round -> round.id).toList(), units);
    }

    private static CellForecast cell(List<Observed> observed, Instant deadline, int target) {
        List<Forecast.Point> points = observed.stream()
                .map(each -> new Forecast.Point(each.at(), each.donePercent(), String.valueOf(each.roadmapVersion())))
                .toList();
        Forecast.Result result = Forecast.at(points, deadline, target);
        if (result == null) {
            return new CellForecast(observed, null, null, null, null, null, List.of("NOT_REPORTED"));
        }
        return new CellForecast(
                observed,
                result.projected(),
                result.low(),
                result.high(),
                result.pacePerMonth(),
                result.likelyToMiss(),
                result.cautions());
    }

    private static Map<Group, List<Observed>> series() {
        Map<Group, List<Observed>> series = new EnumMap<>(Group.class);
        for (Group group : Group.values()) {
            series.put(group, new ArrayList<>());
        }
        return series;
    }
}
