package fi.tilannekuva.situation.summary.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.problem.PageRequest;
import fi.tilannekuva.kit.problem.Problem;
import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.drilldown.service.RiskService;
import fi.tilannekuva.situation.picture.api.ProgressCell;
import fi.tilannekuva.situation.picture.api.ProgressRow;
import fi.tilannekuva.situation.picture.api.ProgressView;
import fi.tilannekuva.situation.picture.api.ReadinessCell;
import fi.tilannekuva.situation.picture.api.ReadinessRow;
import fi.tilannekuva.situation.picture.api.ReadinessView;
import fi.tilannekuva.situation.picture.model.Picture;
import fi.tilannekuva.situation.picture.model.RoadmapSubtask;
import fi.tilannekuva.situation.picture.model.StatusRecord;
import fi.tilannekuva.situation.picture.service.ExportService;
import fi.tilannekuva.situation.picture.service.PictureCache;
import fi.tilannekuva.situation.picture.service.PictureLoader;
import fi.tilannekuva.situation.rounds.api.SnapshotView;
import fi.tilannekuva.situation.rounds.service.SnapshotService;
import fi.tilannekuva.situation.summary.api.RoundSummaryView;
import fi.tilannekuva.situation.summary.api.RoundSummaryView.Completeness;
import fi.tilannekuva.situation.summary.api.RoundSummaryView.SummaryCell;
import fi.tilannekuva.situation.summary.api.RoundSummaryView.SummaryRow;
import fi.tilannekuva.situation.summary.api.RoundSummaryView.SupportRequest;
import fi.tilannekuva.situation.summary.client.RoundCompleteness;
import fi.tilannekuva.situation.summary.client.StatusRoundsClient;
import fi.tilannekuva.situation.summary.client.UnitStaleness;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The round summary: the frozen round's own figures (never recomputed, so the summary says what the round said), the
 * previous frozen round's for the changes, status-service's completeness of the round, the support requests raised
 * since the previous round and the round's top risks.
 */
@ApplicationScoped
public class RoundSummaryService {

    private static final Logger LOG = Logger.getLogger(RoundSummaryService.class);

    /** How many risks the summary names. */
    public static final int TOP_RISKS = 5;

    static final Map<String, String> NATIONAL = Map.of("fi", "Koko maa", "sv", "Hela landet", "en", "Whole country");

    @Inject
    SnapshotService snapshots;

    @Inject
    RiskService risks;

    @Inject
    PictureLoader pictures;

    @Inject
    ExportService export;

    @Inject
    ObjectMapper mapper;

    @Inject
    @RestClient
    StatusRoundsClient status;

    /**
     * The summary of a frozen round.
     *
     * @param maySeeSupportRequests which units' support requests the caller may see
     * @param seesAll whether it may see every unit's (the role reader)
     * @throws ProblemException 404 for an unknown round; 503 when status-service does not answer for the completeness
     */
    public RoundSummaryView summary(String id, Predicate<String> maySeeSupportRequests, boolean seesAll) {
        SnapshotView round = snapshots.get(id);
        RoundCompleteness completeness = completeness(id);
        return QuarkusTransaction.requiringNew()
                .call(() -> assemble(round, completeness, maySeeSupportRequests, seesAll));
    }

    /**
     * The summary as a table, one row for the nation and one per unit: the completeness columns, then per group the
     * progress, done and in-progress percents each followed by its change in percentage points.
     */
    public List<List<Object>> table(RoundSummaryView summary) {
        List<List<Object>> table = new ArrayList<>();
        List<Object> header =
                new ArrayList<>(List.of("round", "region", "name", "reported", "timeliness", "coveragePercent"));
        for (Group group : summary.groups()) {
            for (String column :
                    List.of("progress", "progressChange", "done", "doneChange", "inProgress", "inProgressChange")) {
                header.add(group.name() + " " + column);
            }
        }
        table.add(header);
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(summary.national());
        rows.addAll(summary.units());
        for (SummaryRow row : rows) {
            List<Object> line = new ArrayList<>(List.of(
                    summary.round().name(), row.region(), row.name().getOrDefault("fi", row.region()), row.reported()));
            line.add(row.timeliness());
            line.add(row.coveragePercent());
            for (Group group : summary.groups()) {
                SummaryCell cell = row.cells().get(group);
                line.add(cell == null ? null : cell.progressPercent());
                line.add(cell == null ? null : cell.progressChange());
                line.add(cell == null ? null : cell.donePercent());
                line.add(cell == null ? null : cell.doneChange());
                line.add(cell == null ? null : cell.inProgressPercent());
                line.add(cell == null ? null : cell.inProgressChange());
            }
            table.add(line);
        }
        return table;
    }

    /** The table as CSV. */
    public String csv(RoundSummaryView summary) {
        return export.csv(table(summary));
    }

    /** The table as an XLSX workbook. */
    public byte[] xlsx(RoundSummaryView summary) {
        return export.xlsx(table(summary), "summary");
    }

    /**
     * A unit's stale data, as status-service judges it, asked with the caller's own token.
     *
     * @param rounds 1–120, checked by the caller
     * @throws ProblemException 404 for an unknown unit; 503 when status-service does not answer
     */
    public UnitStaleness stale(String region, int rounds, String authorization) {
        try {
            return status.stale(region, rounds, authorization);
        } catch (WebApplicationException e) {
            int code = e.getResponse().getStatus();
            if (code == 404) {
                throw ProblemException.notFound("No unit " + Problem.bounded(region) + ".");
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    private RoundCompleteness completeness(String id) {
        try {
            return status.completeness(id);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return null; // an ad-hoc freeze: not a round of the calendar
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    private static ProblemException unavailable(RuntimeException e) {
        LOG.warnf("status-service did not answer for its rounds: %s", e.getMessage());
        return new ProblemException(Problem.of(
                "rounds-unavailable",
                "Rounds unavailable",
                503,
                "This answer needs status-service's rounds (completeness, stale data), and status-service did not"
                        + " answer; try again shortly."));
    }

    private RoundSummaryView assemble(
            SnapshotView round,
            RoundCompleteness completeness,
            Predicate<String> maySeeSupportRequests,
            boolean seesAll) {
        SnapshotView previous = snapshots.previous(round.at());
        ProgressView progress = read(snapshots.progress(round.id()), ProgressView.class);
        ReadinessView readiness = read(snapshots.readiness(round.id()), ReadinessView.class);
        ProgressView progressBefore =
                previous == null ? null : read(snapshots.progress(previous.id()), ProgressView.class);
        ReadinessView readinessBefore =
                previous == null ? null : read(snapshots.readiness(previous.id()), ReadinessView.class);
        List<Group> groups = progress.groups();

        Map<String, RoundCompleteness.Unit> byUnit = new HashMap<>();
        if (completeness != null) {
            completeness.units().forEach(unit -> byUnit.put(unit.region(), unit));
        }
        Map<String, ReadinessRow> readinessRows = byRegion(readiness.rows(), ReadinessRow::region);
        Map<String, ProgressRow> progressBeforeRows =
                progressBefore == null ? Map.of() : byRegion(progressBefore.rows(), ProgressRow::region);
        Map<String, ReadinessRow> readinessBeforeRows =
                readinessBefore == null ? Map.of() : byRegion(readinessBefore.rows(), ReadinessRow::region);

        List<SummaryRow> units = new ArrayList<>();
        List<String> notReported = new ArrayList<>();
        for (ProgressRow row : progress.rows()) {
            ReadinessRow ready = readinessRows.get(row.region());
            ProgressRow rowBefore = progressBeforeRows.get(row.region());
            ReadinessRow readyBefore = readinessBeforeRows.get(row.region());
            Map<Group, SummaryCell> cells = new LinkedHashMap<>();
            for (Group group : groups) {
                cells.put(
                        group,
                        cell(
                                row.cells().get(group),
                                ready == null ? null : ready.cells().get(group),
                                rowBefore == null ? null : rowBefore.cells().get(group),
                                readyBefore == null ? null : readyBefore.cells().get(group)));
            }
            RoundCompleteness.Unit unit = byUnit.get(row.region());
            units.add(new SummaryRow(
                    row.region(),
                    row.name(),
                    row.reported(),
                    unit == null ? null : unit.timeliness(),
                    unit == null ? null : unit.coveragePercent(),
                    cells));
            boolean missing = completeness == null
                    ? !row.reported()
                    : unit == null || unit.timeliness().equals("MISSING");
            if (missing) {
                notReported.add(row.region());
            }
        }
        Map<Group, SummaryCell> national = new LinkedHashMap<>();
        for (Group group : groups) {
            national.put(
                    group,
                    cell(
                            progress.national().cells().get(group),
                            readiness.national().cells().get(group),
                            progressBefore == null
                                    ? null
                                    : progressBefore.national().cells().get(group),
                            readinessBefore == null
                                    ? null
                                    : readinessBefore.national().cells().get(group)));
        }
        return new RoundSummaryView(
                round,
                previous,
                progress.roadmapVersion(),
                groups,
                new SummaryRow(
                        "national",
                        NATIONAL,
                        progress.national().reported(),
                        null,
                        completeness == null ? null : completeness.national().coveragePercent(),
                        national),
                units,
                completeness == null
                        ? null
                        : new Completeness(
                                completeness.national().units(),
                                completeness.national().onTime(),
                                completeness.national().late(),
                                completeness.national().missing(),
                                completeness.national().onTimePercent(),
                                completeness.national().coveragePercent()),
                notReported,
                seesAll,
                supportRequests(round, previous, maySeeSupportRequests),
                risks.risks(
                                new RiskService.Query(
                                        null, null, Set.of(), null, round.id(), new PageRequest(0, TOP_RISKS)),
                                maySeeSupportRequests)
                        .risks());
    }

    /** Support requests open at the round's instant that were not open at the previous round's. */
    private List<SupportRequest> supportRequests(
            SnapshotView round, SnapshotView previous, Predicate<String> maySeeSupportRequests) {
        Picture now = pictures.asOf(round.at());
        Picture before = previous == null ? null : pictures.asOf(previous.at());
        List<SupportRequest> raised = new ArrayList<>();
        for (var unit : now.statuses().entrySet()) {
            if (!maySeeSupportRequests.test(unit.getKey())) {
                continue;
            }
            for (StatusRecord record : unit.getValue().values()) {
                if (!record.supportNeeded()) {
                    continue;
                }
                StatusRecord earlier = before == null ? null : before.status(record.region(), record.subtask());
                if (earlier != null && earlier.supportNeeded()) {
                    continue;
                }
                Group group = now.roadmap() == null
                        ? null
                        : now.roadmap()
                                .subtask(record.subtask())
                                .map(RoadmapSubtask::group)
                                .orElse(null);
                raised.add(new SupportRequest(
                        record.region(), record.subtask(), group, record.comment(), record.reportedAt()));
            }
        }
        raised.sort(Comparator.comparing(SupportRequest::region).thenComparing(SupportRequest::subtask));
        return raised;
    }

    private static SummaryCell cell(
            ProgressCell progress,
            ReadinessCell readiness,
            ProgressCell progressBefore,
            ReadinessCell readinessBefore) {
        Integer progressPercent = progress == null ? null : progress.percent();
        Integer done = readiness == null ? null : readiness.donePercent();
        Integer inProgress = readiness == null ? null : readiness.inProgressPercent();
        return new SummaryCell(
                progressPercent,
                change(progressPercent, progressBefore == null ? null : progressBefore.percent()),
                done,
                change(done, readinessBefore == null ? null : readinessBefore.donePercent()),
                inProgress,
                change(inProgress, readinessBefore == null ? null : readinessBefore.inProgressPercent()));
    }

    private static Integer change(Integer now, Integer before) {
        return now == null || before == null ? null : now - before;
    }

    private static <T> Map<String, T> byRegion(List<T> rows, Function<T, String> region) {
        Map<String, T> map = new HashMap<>();
        rows.forEach(row -> map.put(region.apply(row), row));
        return map;
    }

    private <T> T read(PictureCache.Body body, Class<T> type) {
        try {
            return mapper.readValue(body.json(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
