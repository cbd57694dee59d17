package fi.tilannekuva.situation.drilldown.service;

import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.situation.drilldown.api.CellExplanation;
import fi.tilannekuva.situation.drilldown.api.CellSubtask;
import fi.tilannekuva.situation.picture.api.ProgressCell;
import fi.tilannekuva.situation.picture.api.ReadinessCell;
import fi.tilannekuva.situation.picture.api.SnapshotRef;
import fi.tilannekuva.situation.picture.api.WindowView;
import fi.tilannekuva.situation.picture.model.Picture;
import fi.tilannekuva.situation.picture.model.PictureCalculator;
import fi.tilannekuva.situation.picture.model.Roadmap;
import fi.tilannekuva.situation.picture.model.RoadmapSubtask;
import fi.tilannekuva.situation.picture.model.StatusRecord;
import fi.tilannekuva.situation.picture.service.PictureLoader;
import fi.tilannekuva.situation.rounds.api.SnapshotView;
import fi.tilannekuva.situation.rounds.service.SnapshotService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Explains one cell of the picture: the cell itself comes from {@link PictureCalculator}, exactly as the table shows
 * it; the subtasks of the unit's group are listed beside it with the first reason that keeps each out of the cell's
 * tracked subtasks (not applicable to the unit, not critical, outside the window, beginning after the deadline), and
 * the figures each adds to.
 */
@ApplicationScoped
public class CellExplainer {

    @Inject
    PictureLoader loader;

    @Inject
    SnapshotService snapshots;

    /**
     * A progress cell for a window, live or as of an instant, or for a frozen round (its window and instant).
     *
     * @param round a snapshot id, or null; when given, the round's window and instant are used
     * @throws ProblemException 404 for an unknown unit or round
     */
    @Transactional
    public CellExplanation progress(String region, Group group, WindowView window, Instant asOf, String round) {
        SnapshotView frozen = round == null ? null : snapshots.get(round);
        WindowView effective = frozen == null ? window : frozen.window();
        Instant instant = frozen == null ? asOf : frozen.at();
        Picture picture = loader.at(instant);
        Roadmap roadmap = roadmapWithUnit(picture, region);
        ProgressCell cell =
                PictureCalculator.progress(picture, effective.from(), effective.to(), instant).rows().stream()
                        .filter(row -> row.region().equals(region))
                        .findFirst()
                        .orElseThrow()
                        .cells()
                        .get(group);
        List<CellSubtask> subtasks = subtasks(
                picture,
                roadmap,
                region,
                group,
                subtask -> subtask.overlaps(effective.from(), effective.to()),
                "OUTSIDE_WINDOW",
                status -> status.started() ? "started" : null);
        boolean reported = picture.reported().contains(region);
        return new CellExplanation(
                region,
                group,
                "PROGRESS",
                instant,
                frozen == null ? null : new SnapshotRef(frozen.id(), frozen.name()),
                roadmap.version(),
                effective,
                null,
                reported,
                cell,
                null,
                progressFormula(reported, cell),
                subtasks);
    }

    /**
     * A readiness cell against a deadline, live or as of an instant, or for a frozen round (its deadline and instant).
     *
     * @throws ProblemException 404 for an unknown unit or round
     */
    @Transactional
    public CellExplanation readiness(String region, Group group, LocalDate deadline, Instant asOf, String round) {
        SnapshotView frozen = round == null ? null : snapshots.get(round);
        LocalDate effective = frozen == null ? deadline : frozen.deadline();
        Instant instant = frozen == null ? asOf : frozen.at();
        Picture picture = loader.at(instant);
        Roadmap roadmap = roadmapWithUnit(picture, region);
        ReadinessCell cell = PictureCalculator.readiness(picture, effective, instant).rows().stream()
                .filter(row -> row.region().equals(region))
                .findFirst()
                .orElseThrow()
                .cells()
                .get(group);
        List<CellSubtask> subtasks = subtasks(
                picture,
                roadmap,
                region,
                group,
                subtask -> subtask.beginsBefore(effective),
                "BEGINS_AFTER_DEADLINE",
                status -> status == Status.DONE ? "done" : status.inProgress() ? "inProgress" : null);
        boolean reported = picture.reported().contains(region);
        return new CellExplanation(
                region,
                group,
                "READINESS",
                instant,
                frozen == null ? null : new SnapshotRef(frozen.id(), frozen.name()),
                roadmap.version(),
                null,
                effective,
                reported,
                null,
                cell,
                readinessFormula(reported, cell),
                subtasks);
    }

    private static Roadmap roadmapWithUnit(Picture picture, String region) {
        Roadmap roadmap = picture.roadmap();
        if (roadmap == null || roadmap.unit(region).isEmpty()) {
            throw ProblemException.notFound("No reporting unit " + region + " in the roadmap of that instant.");
        }
        return roadmap;
    }

    private static List<CellSubtask> subtasks(
            Picture picture,
            Roadmap roadmap,
            String region,
            Group group,
            Predicate<RoadmapSubtask> inScope,
            String outOfScope,
            Function<Status, String> figure) {
        boolean reported = picture.reported().contains(region);
        List<CellSubtask> subtasks = new ArrayList<>();
        for (RoadmapSubtask subtask : roadmap.subtasks()) {
            if (subtask.group() != group) {
                continue;
            }
            StatusRecord record = picture.status(region, subtask.id());
            Status status = record == null ? null : record.status();
            String reason;
            if (!subtask.appliesTo(region)) {
                reason = "NOT_APPLICABLE";
            } else if (!subtask.critical()) {
                reason = "NOT_CRITICAL";
            } else if (!inScope.test(subtask)) {
                reason = outOfScope;
            } else {
                reason = "COUNTED";
            }
            List<String> countsIn = new ArrayList<>();
            if (reason.equals("COUNTED")) {
                countsIn.add("tracked");
                String also = reported && status != null ? figure.apply(status) : null;
                if (also != null) {
                    countsIn.add(also);
                }
            }
            subtasks.add(new CellSubtask(
                    subtask.id(),
                    subtask.name(),
                    subtask.critical(),
                    subtask.scheduleFrom(),
                    subtask.scheduleTo(),
                    subtask.appliesTo(region),
                    status,
                    reason,
                    List.copyOf(countsIn)));
        }
        return subtasks;
    }

    private static Map<String, String> progressFormula(boolean reported, ProgressCell cell) {
        if (!reported) {
            return notReported(cell.tracked());
        }
        if (cell.percent() == null) {
            return noneTracked();
        }
        String numbers = "round-half-up(100 × " + cell.started() + " / " + cell.tracked() + ") = " + cell.percent()
                + " % (" + cell.band() + ")";
        return Map.of(
                "fi", "aloitettu " + cell.started() + " / seurattavia " + cell.tracked() + ": " + numbers,
                "sv", "påbörjade " + cell.started() + " / uppföljda " + cell.tracked() + ": " + numbers,
                "en", "started " + cell.started() + " of " + cell.tracked() + " tracked: " + numbers);
    }

    private static Map<String, String> readinessFormula(boolean reported, ReadinessCell cell) {
        if (!reported) {
            return notReported(cell.tracked());
        }
        if (cell.donePercent() == null) {
            return noneTracked();
        }
        String done = "round-half-up(100 × " + cell.done() + " / " + cell.tracked() + ") = " + cell.donePercent()
                + " % (" + cell.doneBand() + ")";
        String inProgress = "round-half-up(100 × " + cell.inProgress() + " / " + cell.tracked() + ") = "
                + cell.inProgressPercent() + " % (" + cell.inProgressBand() + ")";
        return Map.of(
                "fi", "valmis " + done + "; käynnissä " + inProgress,
                "sv", "klara " + done + "; pågående " + inProgress,
                "en", "done " + done + "; in progress " + inProgress);
    }

    private static Map<String, String> notReported(int tracked) {
        return Map.of(
                "fi", "yksikkö ei ole raportoinut: ei prosenttia (ei koskaan 0 %); seurattavia " + tracked,
                "sv", "enheten har inte rapporterat: ingen procentsats (aldrig 0 %); uppföljda " + tracked,
                "en", "the unit has not reported: no percentage (never 0 %); " + tracked + " tracked");
    }

    private static Map<String, String> noneTracked() {
        return Map.of(
                "fi", "ei seurattavia tehtäviä: ei prosenttia",
                "sv", "inga uppföljda uppgifter: ingen procentsats",
                "en", "no tracked subtask: no percentage");
    }
}
