package fi.tilannekuva.situation.rounds.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.picture.api.ProgressCell;
import fi.tilannekuva.situation.picture.api.ProgressRow;
import fi.tilannekuva.situation.picture.api.ProgressView;
import fi.tilannekuva.situation.picture.api.ReadinessCell;
import fi.tilannekuva.situation.picture.api.ReadinessRow;
import fi.tilannekuva.situation.picture.api.ReadinessView;
import fi.tilannekuva.situation.rounds.api.TrendPoint;
import fi.tilannekuva.situation.rounds.api.TrendsView;
import fi.tilannekuva.situation.rounds.api.UnitTrend;
import fi.tilannekuva.situation.rounds.repository.SnapshotEntity;
import fi.tilannekuva.situation.rounds.repository.SnapshotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trend of every unit × group over the frozen rounds: read from the pictures each round stored when it was frozen,
 * so a trend never changes after the fact (a later report or roadmap revision changes only later rounds).
 */
@ApplicationScoped
public class TrendService {

    @Inject
    SnapshotRepository snapshots;

    @Inject
    ObjectMapper mapper;

    /**
     * The trends, optionally of one unit.
     *
     * @param region null for every unit
     * @throws ProblemException 404 when the unit is in no round
     */
    @Transactional
    public TrendsView trends(String region) {
        List<SnapshotEntity> rounds = new ArrayList<>(snapshots.newestFirst());
        Collections.reverse(rounds);
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        Map<String, Map<Group, List<TrendPoint>>> points = new LinkedHashMap<>();
        for (SnapshotEntity round : rounds) {
            ProgressView progress = read(round.progress, ProgressView.class);
            ReadinessView readiness = read(round.readiness, ReadinessView.class);
            Map<String, ReadinessRow> readinessByUnit = new LinkedHashMap<>();
            readiness.rows().forEach(row -> readinessByUnit.put(row.region(), row));
            for (ProgressRow row : progress.rows()) {
                if (region != null && !region.equals(row.region())) {
                    continue;
                }
                names.putIfAbsent(row.region(), row.name());
                Map<Group, List<TrendPoint>> ofUnit = points.computeIfAbsent(row.region(), r -> series());
                ReadinessRow readinessRow = readinessByUnit.get(row.region());
                for (Group group : Group.values()) {
                    ProgressCell cell = row.cells().get(group);
                    ReadinessCell ready =
                            readinessRow == null ? null : readinessRow.cells().get(group);
                    ofUnit.get(group)
                            .add(new TrendPoint(
                                    round.id,
                                    cell == null ? null : cell.percent(),
                                    cell == null ? null : cell.band(),
                                    ready == null ? null : ready.donePercent(),
                                    ready == null ? null : ready.doneBand(),
                                    ready == null ? null : ready.inProgressPercent()));
                }
            }
        }
        if (region != null && points.isEmpty() && !rounds.isEmpty()) {
            throw ProblemException.notFound("No reporting unit " + region + " in any round.");
        }
        List<UnitTrend> units = new ArrayList<>();
        points.forEach((unit, series) -> units.add(new UnitTrend(unit, names.get(unit), series, change(series))));
        return new TrendsView(rounds.stream().map(SnapshotService::view).toList(), units);
    }

    private static Map<Group, List<TrendPoint>> series() {
        Map<Group, List<TrendPoint>> series = new EnumMap<>(Group.class);
        for (Group group : Group.values()) {
            series.put(group, new ArrayList<>());
        }
        return series;
    }

    private static Map<Group, UnitTrend.TrendChange> change(Map<Group, List<TrendPoint>> series) {
        Map<Group, UnitTrend.TrendChange> change = new EnumMap<>(Group.class);
        series.forEach((group, list) -> {
            TrendPoint last = list.size() < 1 ? null : list.get(list.size() - 1);
            TrendPoint before = list.size() < 2 ? null : list.get(list.size() - 2);
            change.put(
                    group,
                    new UnitTrend.TrendChange(
                            difference(
                                    last == null ? null : last.progressPercent(),
                                    before == null ? null : before.progressPercent()),
                            difference(
                                    last == null ? null : last.donePercent(),
                                    before == null ? null : before.donePercent())));
        });
        return change;
    }

    private static Integer difference(Integer latest, Integer previous) {
        return latest == null || previous == null ? null : latest - previous;
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored round picture is unreadable", e);
        }
    }
}
