package fi.tilannekuva.situation.picture.model;

import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.situation.picture.api.ProgressRow;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Ranks the risks of a picture: one signal per unit × preparation group, scored from its reasons, the highest score
 * first. Everything is judged on the picture's own day and data (never the wall clock). The score is the sum of the
 * reasons' points:
 *
 * <ul>
 *   <li>{@code NEVER_REPORTED} — the unit has reported nothing at all: {@value #NEVER_REPORTED_POINTS} points, more than
 *       overdue work alone can score, and its only reason (with no report, nothing else about it is known);
 *   <li>{@code NOT_REPORTED_THIS_ROUND} — reported before, but nothing since the current round began:
 *       {@value #NOT_REPORTED_THIS_ROUND_POINTS};
 *   <li>{@code OVERDUE_CRITICAL} — critical subtasks whose schedule ended before the day and that are not done, each
 *       weighing 1 on its first day late plus 1 per 30 days late, at most {@value #OVERDUE_CAP}; the sum over the
 *       cell's tracked subtasks times {@value #OVERDUE_POINTS} (a cell whose every subtask is three months late scores
 *       60, whatever the size of the group);
 *   <li>{@code DELAYED} — the share of the cell's tracked subtasks reported {@code DELAYED}, times
 *       {@value #DELAYED_POINTS};
 *   <li>{@code SUPPORT_REQUESTED} — {@value #SUPPORT_POINTS} per current report asking for support, at most
 *       {@value #SUPPORT_CAP}; counted only for a caller allowed to see the unit's support requests, so that a score
 *       never reveals one;
 *   <li>{@code BELOW_PEER_MEDIAN} — progress {@value #PEER_GAP} or more percentage points below the median of the other
 *       reporting units in the group: the gap in points;
 *   <li>{@code FALLING} — progress fell since the previous round by what the unit reported (the movement's
 *       {@code reported} part over the same window, so that a roadmap revision or the window never looks like a slip):
 *       {@value #FALLING_POINTS} per point fallen.
 * </ul>
 *
 * Severity follows the score: {@code HIGH} from {@value #HIGH}, {@code MEDIUM} from {@value #MEDIUM}, else
 * {@code LOW}. Cells with no reason are not signals.
 */
public final class RiskScoring {

    public static final int NEVER_REPORTED_POINTS = 100;
    public static final int NOT_REPORTED_THIS_ROUND_POINTS = 15;
    public static final int OVERDUE_POINTS = 15;
    public static final int OVERDUE_CAP = 4;
    public static final int DELAYED_POINTS = 30;
    public static final int SUPPORT_POINTS = 5;
    public static final int SUPPORT_CAP = 20;
    public static final int PEER_GAP = 10;
    public static final int FALLING_POINTS = 2;
    public static final int HIGH = 40;
    public static final int MEDIUM = 15;

    /** The reasons, in the order a signal lists them. */
    public enum Reason {
        NEVER_REPORTED,
        NOT_REPORTED_THIS_ROUND,
        OVERDUE_CRITICAL,
        DELAYED,
        SUPPORT_REQUESTED,
        BELOW_PEER_MEDIAN,
        FALLING
    }

    /**
     * One reason of a signal.
     *
     * @param points what it adds to the score
     * @param count the subtasks it counts (overdue, delayed, support requests), null where it counts none
     * @param value the figure it is about: the longest delay in days, the delayed share in percent, the gap or the fall
     *     in percentage points; null where there is none
     * @param reference the figure compared with: the peers' median percent, the previous round's percent; else null
     * @param subtasks the subtasks concerned, empty where none
     */
    public record Found(
            Reason reason, double points, Integer count, Double value, Double reference, List<String> subtasks) {}

    /** One unit × group signal: its score and the reasons it adds up from. */
    public record Signal(
            Unit unit, Group group, double score, String severity, Integer progressPercent, List<Found> reasons) {

        public boolean has(Reason reason) {
            return reasons.stream().anyMatch(found -> found.reason() == reason);
        }
    }

    /**
     * What the ranking is judged on.
     *
     * @param now the picture judged, as of its instant
     * @param before the picture at the start of the current round (for FALLING), null when there was no round before
     * @param from the progress window's first day
     * @param to the progress window's last day
     * @param reportedThisRound the units that reported since the current round began, null when no round has begun
     * @param maySeeSupportRequests which units' support requests the caller may see
     */
    public record Inputs(
            Picture now,
            Picture before,
            LocalDate from,
            LocalDate to,
            Set<String> reportedThisRound,
            Predicate<String> maySeeSupportRequests) {}

    private RiskScoring() {}

    /** The signals, the highest score first, then by unit and group. */
    public static List<Signal> rank(Inputs in) {
        Picture picture = in.now();
        List<Signal> signals = new ArrayList<>();
        if (picture.roadmap() == null) {
            return signals;
        }
        Map<String, ProgressRow> progress = rows(picture, in.from(), in.to());
        Map<String, Map<Group, Movement.Split>> movement =
                in.before() == null || in.before().roadmap() == null
                        ? Map.of()
                        : Movement.progress(in.before(), in.from(), in.to(), picture, in.from(), in.to());
        for (Unit unit : picture.roadmap().units()) {
            String code = unit.code();
            for (Group group : Group.values()) {
                List<Found> reasons = new ArrayList<>();
                Integer percent = progress.get(code).cells().get(group).percent();
                if (!picture.reported().contains(code)) {
                    reasons.add(new Found(Reason.NEVER_REPORTED, NEVER_REPORTED_POINTS, null, null, null, List.of()));
                } else {
                    if (in.reportedThisRound() != null
                            && !in.reportedThisRound().contains(code)) {
                        reasons.add(new Found(
                                Reason.NOT_REPORTED_THIS_ROUND,
                                NOT_REPORTED_THIS_ROUND_POINTS,
                                null,
                                null,
                                null,
                                List.of()));
                    }
                    subtaskReasons(
                            picture, code, group, in.maySeeSupportRequests().test(code), reasons);
                    peerReason(progress, code, group, percent, reasons);
                    fallReason(movement, code, group, reasons);
                }
                if (!reasons.isEmpty()) {
                    double score =
                            round(reasons.stream().mapToDouble(Found::points).sum());
                    signals.add(new Signal(unit, group, score, severity(score), percent, List.copyOf(reasons)));
                }
            }
        }
        signals.sort(Comparator.comparingDouble(Signal::score)
                .reversed()
                .thenComparing(signal -> signal.unit().code())
                .thenComparing(Signal::group));
        return signals;
    }

    /** The severity of a score. */
    public static String severity(double score) {
        return score >= HIGH ? "HIGH" : score >= MEDIUM ? "MEDIUM" : "LOW";
    }

    private static void subtaskReasons(
            Picture picture, String code, Group group, boolean supportVisible, List<Found> reasons) {
        List<String> overdue = new ArrayList<>();
        List<String> delayed = new ArrayList<>();
        List<String> support = new ArrayList<>();
        double overdueWeight = 0;
        long longest = 0;
        int tracked = 0;
        for (RoadmapSubtask subtask : picture.roadmap().subtasks()) {
            if (subtask.group() != group || !subtask.trackedFor(code)) {
                continue;
            }
            tracked++;
            StatusRecord record = picture.status(code, subtask.id());
            Status status = record == null ? null : record.status();
            if (subtask.overdueOn(picture.day(), status)) {
                overdue.add(subtask.id());
                long daysLate = ChronoUnit.DAYS.between(subtask.scheduleTo(), picture.day());
                longest = Math.max(longest, daysLate);
                overdueWeight += Math.min(1 + daysLate / 30.0, OVERDUE_CAP);
            }
            if (status == Status.DELAYED) {
                delayed.add(subtask.id());
            }
            if (supportVisible && record != null && record.supportNeeded()) {
                support.add(subtask.id());
            }
        }
        if (!overdue.isEmpty()) {
            reasons.add(new Found(
                    Reason.OVERDUE_CRITICAL,
                    round(OVERDUE_POINTS * overdueWeight / tracked),
                    overdue.size(),
                    (double) longest,
                    null,
                    List.copyOf(overdue)));
        }
        if (!delayed.isEmpty()) {
            double share = (double) delayed.size() / tracked;
            reasons.add(new Found(
                    Reason.DELAYED,
                    round(DELAYED_POINTS * share),
                    delayed.size(),
                    round(100 * share),
                    null,
                    List.copyOf(delayed)));
        }
        if (!support.isEmpty()) {
            reasons.add(new Found(
                    Reason.SUPPORT_REQUESTED,
                    Math.min(SUPPORT_CAP, SUPPORT_POINTS * support.size()),
                    support.size(),
                    null,
                    null,
                    List.copyOf(support)));
        }
    }

    private static void peerReason(
            Map<String, ProgressRow> progress, String code, Group group, Integer percent, List<Found> reasons) {
        if (percent == null) {
            return;
        }
        List<Integer> peers = progress.values().stream()
                .filter(row -> !row.region().equals(code))
                .map(row -> row.cells().get(group).percent())
                .filter(other -> other != null)
                .sorted()
                .toList();
        if (peers.isEmpty()) {
            return;
        }
        double median = median(peers);
        double gap = median - percent;
        if (gap >= PEER_GAP) {
            reasons.add(new Found(Reason.BELOW_PEER_MEDIAN, round(gap), null, round(gap), median, List.of()));
        }
    }

    private static void fallReason(
            Map<String, Map<Group, Movement.Split>> movement, String code, Group group, List<Found> reasons) {
        Map<Group, Movement.Split> cells = movement.get(code);
        Movement.Split split = cells == null ? null : cells.get(group);
        if (split != null && split.reported() != null && split.reported() < 0) {
            int fall = -split.reported();
            reasons.add(new Found(
                    Reason.FALLING,
                    FALLING_POINTS * fall,
                    null,
                    (double) fall,
                    split.from() == null ? null : split.from().doubleValue(),
                    List.of()));
        }
    }

    /** The median of sorted values: the middle one, or the mean of the two middle ones. */
    static double median(List<Integer> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static Map<String, ProgressRow> rows(Picture picture, LocalDate from, LocalDate to) {
        Map<String, ProgressRow> rows = new java.util.HashMap<>();
        PictureCalculator.progress(picture, from, to, null).rows().forEach(row -> rows.put(row.region(), row));
        return rows;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
