package fi.tilannekuva.situation.rounds.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.picture.api.ProgressCell;
import fi.tilannekuva.situation.picture.api.ProgressRow;
import fi.tilannekuva.situation.picture.api.ProgressView;
import fi.tilannekuva.situation.picture.api.ReadinessCell;
import fi.tilannekuva.situation.picture.api.ReadinessRow;
import fi.tilannekuva.situation.picture.api.ReadinessView;
import fi.tilannekuva.situation.picture.api.WindowView;
import fi.tilannekuva.situation.picture.model.Picture;
import fi.tilannekuva.situation.picture.model.PictureCalculator;
import fi.tilannekuva.situation.picture.service.PictureLoader;
import fi.tilannekuva.situation.rounds.api.SnapshotView;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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

    @Inject
    PictureLoader loader;

    @Inject
    SituationConfig config;

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
        List<Frame> frames = rounds.stream()
                .map(round -> new Frame(
                        round.id, read(round.progress, ProgressView.class), read(round.readiness, ReadinessView.class)))
                .toList();
        return view(region, frames, rounds.stream().map(SnapshotService::view).toList());
    }

    /**
     * The trends at month ends: the picture as of the last second of each month from {@code from} to {@code to} (in
     * the service's zone), over the configured monitoring window and deadline for every month, so that the line moves
     * only with the reports and the roadmap.
     *
     * @param region null for every unit
     * @throws ProblemException 404 when the unit is in no month's roadmap
     */
    @Transactional
    public TrendsView monthEnds(String region, YearMonth from, YearMonth to) {
        WindowView window = new WindowView(
                config.bandEvents().windowFrom(), config.bandEvents().windowTo());
        LocalDate deadline = config.bandEvents().deadline();
        List<Frame> frames = new ArrayList<>();
        List<SnapshotView> ends = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Instant end = month.plusMonths(1)
                    .atDay(1)
                    .atStartOfDay(config.zone())
                    .toInstant()
                    .minusSeconds(1);
            Picture picture = loader.asOf(end);
            frames.add(new Frame(
                    month.toString(),
                    PictureCalculator.progress(picture, window.from(), window.to(), end),
                    PictureCalculator.readiness(picture, deadline, end)));
            ends.add(new SnapshotView(month.toString(), month.toString(), window, deadline, end, null));
        }
        return view(region, frames, ends);
    }

    /** One point in time of a trend: a round or a month end, and its two tables. */
    private record Frame(String id, ProgressView progress, ReadinessView readiness) {}

    private TrendsView view(String region, List<Frame> frames, List<SnapshotView> rounds) {
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        Map<String, Map<Group, List<TrendPoint>>> points = new LinkedHashMap<>();
        for (Frame round : frames) {
            ProgressView progress = round.progress();
            ReadinessView readiness = round.readiness();
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
                                    round.id(),
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
        return new TrendsView(rounds, units);
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
