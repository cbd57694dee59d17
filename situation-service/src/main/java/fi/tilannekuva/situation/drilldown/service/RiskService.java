package fi.tilannekuva.situation.drilldown.service;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.situation.Band;
import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.drilldown.api.RiskView;
import fi.tilannekuva.situation.drilldown.api.RisksView;
import fi.tilannekuva.situation.picture.api.ProgressCell;
import fi.tilannekuva.situation.picture.api.ProgressRow;
import fi.tilannekuva.situation.picture.api.ProgressView;
import fi.tilannekuva.situation.picture.model.Picture;
import fi.tilannekuva.situation.picture.model.PictureCalculator;
import fi.tilannekuva.situation.picture.model.RoadmapSubtask;
import fi.tilannekuva.situation.picture.model.StatusRecord;
import fi.tilannekuva.situation.picture.model.Unit;
import fi.tilannekuva.situation.picture.service.PictureLoader;
import fi.tilannekuva.situation.projection.repository.StatusRepository;
import fi.tilannekuva.situation.rounds.service.SnapshotService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Computes the risk signals from the picture as it stood at an instant (live when none is asked), most severe first.
 * Everything is judged as of that instant, never the wall clock: the statuses recorded by then, overdue against that
 * day, the reporting round current then (the latest snapshot frozen by then).
 *
 * <ul>
 *   <li>HIGH: OVERDUE_CRITICAL (one per unit × group with critical subtasks past their schedule and not done),
 *       NOT_REPORTED for a unit that has never reported.
 *   <li>MEDIUM: DELAYED (a tracked subtask reported as not completing on schedule), LOWEST_BAND (progress under 25 %
 *       over the configured band-event window), SUPPORT_REQUESTED (a current report asks for support).
 *   <li>LOW: NOT_REPORTED for a unit that reported before but not in the current round (since the latest snapshot).
 * </ul>
 */
@ApplicationScoped
public class RiskService {

    private static final List<String> SEVERITIES = List.of("HIGH", "MEDIUM", "LOW");

    @Inject
    PictureLoader loader;

    @Inject
    SnapshotService snapshots;

    @Inject
    StatusRepository statuses;

    @Inject
    SituationConfig config;

    @Inject
    Clock clock;

    /**
     * The risks, optionally of one unit and/or one group, sorted by severity, then unit, kind, group and subtask.
     *
     * @param region null for every unit
     * @param group null for every group; signals about a whole unit (NOT_REPORTED) are always included
     * @param asOf the instant the risks are judged as of; null for now (the live picture)
     * @param maySeeSupportRequests which units' support requests the caller may see (CONTRACT.md: the role reader or
     *     the unit's own token); SUPPORT_REQUESTED signals of other units are left out
     */
    @Transactional
    public RisksView risks(String region, Group group, Instant asOf, Predicate<String> maySeeSupportRequests) {
        Picture picture = loader.at(asOf);
        Instant since = snapshots.roundSinceAsOf(asOf);
        List<RiskView> risks = new ArrayList<>();
        if (picture.roadmap() != null) {
            Set<String> reportedThisRound = since == null
                    ? picture.reported()
                    : new HashSet<>(
                            asOf == null
                                    ? statuses.regionsReportedSince(since)
                                    : statuses.regionsReportedBetween(since, asOf));
            ProgressView progress = PictureCalculator.progress(
                    picture,
                    config.bandEvents().windowFrom(),
                    config.bandEvents().windowTo(),
                    null);
            for (Unit unit : picture.roadmap().units()) {
                if (region == null || region.equals(unit.code())) {
                    unitRisks(
                            picture,
                            unit,
                            group,
                            reportedThisRound,
                            since,
                            progress,
                            maySeeSupportRequests.test(unit.code()),
                            risks);
                }
            }
        }
        risks.sort(Comparator.comparing((RiskView risk) -> SEVERITIES.indexOf(risk.severity()))
                .thenComparing(RiskView::region)
                .thenComparing(RiskView::kind)
                .thenComparing(risk -> risk.group() == null ? -1 : risk.group().ordinal())
                .thenComparing(risk -> risk.subtask() == null ? "" : risk.subtask()));
        return new RisksView(clock.instant(), asOf, since, risks);
    }

    private void unitRisks(
            Picture picture,
            Unit unit,
            Group only,
            Set<String> reportedThisRound,
            Instant since,
            ProgressView progress,
            boolean supportRequestsVisible,
            List<RiskView> risks) {
        String code = unit.code();
        String fiName = unit.name().getOrDefault("fi", code);
        if (!picture.reported().contains(code)) {
            risks.add(new RiskView(
                    "HIGH",
                    "NOT_REPORTED",
                    code,
                    null,
                    null,
                    null,
                    Map.of(
                            "fi", fiName + ": ei ole raportoinut tilannetta",
                            "sv", fiName + ": har inte rapporterat läget",
                            "en", fiName + ": has not reported")));
            return;
        }
        if (!reportedThisRound.contains(code)) {
            risks.add(new RiskView(
                    "LOW",
                    "NOT_REPORTED",
                    code,
                    null,
                    null,
                    null,
                    Map.of(
                            "fi", fiName + ": ei ole raportoinut kuluvalla kierroksella (" + since + " jälkeen)",
                            "sv", fiName + ": har inte rapporterat under den pågående omgången (sedan " + since + ")",
                            "en", fiName + ": has not reported in the current round (since " + since + ")")));
        }
        ProgressRow row = progress.rows().stream()
                .filter(candidate -> candidate.region().equals(code))
                .findFirst()
                .orElseThrow();
        for (Group group : Group.values()) {
            if (only != null && only != group) {
                continue;
            }
            List<String> overdue = new ArrayList<>();
            for (RoadmapSubtask subtask : picture.roadmap().subtasks()) {
                if (subtask.group() != group || !subtask.trackedFor(code)) {
                    continue;
                }
                StatusRecord record = picture.status(code, subtask.id());
                Status status = record == null ? null : record.status();
                if (subtask.overdueOn(picture.day(), status)) {
                    overdue.add(subtask.id());
                }
                if (status == Status.DELAYED) {
                    risks.add(new RiskView(
                            "MEDIUM",
                            "DELAYED",
                            code,
                            group,
                            subtask.id(),
                            null,
                            Map.of(
                                    "fi", fiName + ": " + subtask.id() + " ei valmistu aikataulussa",
                                    "sv", fiName + ": " + subtask.id() + " blir inte klar enligt tidsplanen",
                                    "en", fiName + ": " + subtask.id() + " will not complete on schedule")));
                }
                if (supportRequestsVisible && record != null && record.supportNeeded()) {
                    risks.add(new RiskView(
                            "MEDIUM",
                            "SUPPORT_REQUESTED",
                            code,
                            group,
                            subtask.id(),
                            null,
                            Map.of(
                                    "fi", fiName + " pyytää tukea: " + subtask.id(),
                                    "sv", fiName + " ber om stöd: " + subtask.id(),
                                    "en", fiName + " asks for support: " + subtask.id())));
                }
            }
            if (!overdue.isEmpty()) {
                int n = overdue.size();
                risks.add(new RiskView(
                        "HIGH",
                        "OVERDUE_CRITICAL",
                        code,
                        group,
                        null,
                        List.copyOf(overdue),
                        Map.of(
                                "fi", fiName + ", " + group + ": " + n + " kriittistä tehtävää myöhässä",
                                "sv", fiName + ", " + group + ": " + n + " kritiska uppgifter försenade",
                                "en", fiName + ", " + group + ": " + n + " critical subtasks overdue")));
            }
            ProgressCell cell = row.cells().get(group);
            if (cell.band() == Band.UNDER_25) {
                risks.add(new RiskView(
                        "MEDIUM",
                        "LOWEST_BAND",
                        code,
                        group,
                        null,
                        null,
                        Map.of(
                                "fi", fiName + ", " + group + ": eteneminen " + cell.percent() + " % (alle 25 %)",
                                "sv", fiName + ", " + group + ": framsteg " + cell.percent() + " % (under 25 %)",
                                "en", fiName + ", " + group + ": progress " + cell.percent() + " % (under 25 %)")));
            }
        }
    }
}
