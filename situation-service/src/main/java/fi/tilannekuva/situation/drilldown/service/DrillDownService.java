package fi.tilannekuva.situation.drilldown.service;

import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.situation.Band;
import fi.tilannekuva.situation.drilldown.api.ScheduleView;
import fi.tilannekuva.situation.drilldown.api.SubtaskSummary;
import fi.tilannekuva.situation.drilldown.api.SubtaskUnitView;
import fi.tilannekuva.situation.drilldown.api.SubtaskView;
import fi.tilannekuva.situation.drilldown.api.UnitGroupView;
import fi.tilannekuva.situation.drilldown.api.UnitSubtaskView;
import fi.tilannekuva.situation.drilldown.api.UnitView;
import fi.tilannekuva.situation.picture.model.Picture;
import fi.tilannekuva.situation.picture.model.Roadmap;
import fi.tilannekuva.situation.picture.model.RoadmapSubtask;
import fi.tilannekuva.situation.picture.model.StatusRecord;
import fi.tilannekuva.situation.picture.model.Unit;
import fi.tilannekuva.situation.picture.service.PictureLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A unit's view and a subtask's view of the picture. */
@ApplicationScoped
public class DrillDownService {

    @Inject
    PictureLoader loader;

    /**
     * A unit's tracked subtasks per group with status and overdue flag.
     *
     * @param mayReadComments whether the caller may see comments and support requests (reader or the unit itself)
     * @param asOf null for live, else as recorded by then
     * @throws ProblemException 404 when the current roadmap lists no such unit
     */
    public UnitView unit(String region, boolean mayReadComments, Instant asOf) {
        // Only this unit's statuses are shown: live, only its rows are read (not every unit's).
        Picture picture = asOf == null ? loader.live(Set.of(region)) : loader.asOf(asOf);
        Roadmap roadmap = roadmap(picture);
        Unit unit =
                roadmap.unit(region).orElseThrow(() -> ProblemException.notFound("No reporting unit " + region + "."));
        Map<Group, List<UnitSubtaskView>> byGroup = new LinkedHashMap<>();
        for (Group group : Group.values()) {
            byGroup.put(group, new ArrayList<>());
        }
        Instant lastReportedAt = null;
        Map<String, StatusRecord> ofUnit = picture.statuses().getOrDefault(region, Map.of());
        for (StatusRecord record : ofUnit.values()) {
            if (lastReportedAt == null || record.reportedAt().isAfter(lastReportedAt)) {
                lastReportedAt = record.reportedAt();
            }
        }
        for (RoadmapSubtask subtask : roadmap.subtasks()) {
            if (!subtask.trackedFor(region)) {
                continue;
            }
            StatusRecord record = ofUnit.get(subtask.id());
            Status status = record == null ? null : record.status();
            byGroup.get(subtask.group())
                    .add(new UnitSubtaskView(
                            subtask.id(),
                            subtask.name(),
                            schedule(subtask),
                            status,
                            picture.reported().contains(region) && subtask.overdueOn(picture.day(), status),
                            record == null ? null : record.reportedAt(),
                            mayReadComments && record != null ? record.comment() : null,
                            mayReadComments && record != null ? record.supportNeeded() : null));
        }
        List<UnitGroupView> groups = byGroup.entrySet().stream()
                .map(entry -> new UnitGroupView(entry.getKey(), entry.getValue()))
                .toList();
        return new UnitView(
                unit.code(),
                unit.name(),
                picture.reported().contains(region),
                lastReportedAt,
                roadmap.version(),
                asOf,
                groups);
    }

    /**
     * A subtask's status across every unit, with counts over the units it applies to.
     *
     * @throws ProblemException 404 when the current roadmap has no such subtask
     */
    public SubtaskView subtask(String id, Instant asOf) {
        Picture picture = loader.at(asOf);
        Roadmap roadmap = roadmap(picture);
        RoadmapSubtask subtask = roadmap.subtask(id)
                .orElseThrow(() -> ProblemException.notFound("No subtask " + id + " in the roadmap."));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            counts.put(status.name(), 0);
        }
        counts.put("UNREPORTED", 0);
        List<SubtaskUnitView> units = new ArrayList<>();
        for (Unit unit : roadmap.units()) {
            boolean applies = subtask.appliesTo(unit.code());
            StatusRecord record = picture.status(unit.code(), id);
            Status status = record == null ? null : record.status();
            if (applies) {
                counts.merge(status == null ? "UNREPORTED" : status.name(), 1, Integer::sum);
            }
            boolean overdue =
                    applies && picture.reported().contains(unit.code()) && subtask.overdueOn(picture.day(), status);
            units.add(new SubtaskUnitView(unit.code(), unit.name(), applies, status, overdue));
        }
        return new SubtaskView(
                subtask.id(),
                subtask.name(),
                subtask.group(),
                subtask.critical(),
                schedule(subtask),
                roadmap.version(),
                units,
                counts);
    }

    /**
     * Every critical subtask's national standing over the units that have reported, the least started first: the
     * critical subtasks that lag nationally.
     */
    public List<SubtaskSummary> lagging(Group group) {
        Picture picture = loader.live();
        if (picture.roadmap() == null) {
            return List.of();
        }
        List<SubtaskSummary> summaries = new ArrayList<>();
        for (RoadmapSubtask subtask : picture.roadmap().subtasks()) {
            if (!subtask.critical() || (group != null && subtask.group() != group)) {
                continue;
            }
            int units = 0;
            int started = 0;
            int done = 0;
            int overdue = 0;
            for (Unit unit : picture.roadmap().units()) {
                if (!subtask.trackedFor(unit.code()) || !picture.reported().contains(unit.code())) {
                    continue;
                }
                units++;
                StatusRecord record = picture.status(unit.code(), subtask.id());
                Status status = record == null ? null : record.status();
                started += status != null && status.started() ? 1 : 0;
                done += status == Status.DONE ? 1 : 0;
                overdue += subtask.overdueOn(picture.day(), status) ? 1 : 0;
            }
            summaries.add(new SubtaskSummary(
                    subtask.id(),
                    subtask.name(),
                    subtask.group(),
                    schedule(subtask),
                    units,
                    started,
                    done,
                    overdue,
                    units == 0 ? null : Band.percent(started, units)));
        }
        summaries.sort(Comparator.comparing(
                        (SubtaskSummary summary) -> summary.startedPercent() == null ? 101 : summary.startedPercent())
                .thenComparing(SubtaskSummary::overdue, Comparator.reverseOrder())
                .thenComparing(SubtaskSummary::id));
        return summaries;
    }

    private static Roadmap roadmap(Picture picture) {
        if (picture.roadmap() == null) {
            throw ProblemException.notFound("No roadmap has been published yet.");
        }
        return picture.roadmap();
    }

    private static ScheduleView schedule(RoadmapSubtask subtask) {
        return subtask.scheduleFrom() == null ? null : new ScheduleView(subtask.scheduleFrom(), subtask.scheduleTo());
    }
}
