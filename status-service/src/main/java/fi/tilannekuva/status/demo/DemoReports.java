package fi.tilannekuva.status.demo;

import fi.tilannekuva.kit.problem.ProblemException;
import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.status.RoadmapSnapshot;
import fi.tilannekuva.status.api.ContactView;
import fi.tilannekuva.status.api.ReportRound;
import fi.tilannekuva.status.api.RoundRequest;
import fi.tilannekuva.status.api.RoundView;
import fi.tilannekuva.status.config.StatusConfig;
import fi.tilannekuva.status.repository.ReportRepository;
import fi.tilannekuva.status.service.ReportService;
import fi.tilannekuva.status.service.RoadmapCatalog;
import fi.tilannekuva.status.service.RoadmapStore.RoadmapStored;
import fi.tilannekuva.status.service.RoundCalendar;
import fi.tilannekuva.status.service.RoundCompleteness;
import fi.tilannekuva.status.service.UnitContacts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Demo data for the local stack, once a roadmap is known and no report exists: three past monthly rounds (08/21,
 * 09/21, 10/21) and one round open now, planned in the round calendar, with reports that make completeness,
 * timeliness, coverage and the trend visible:
 *
 * <ul>
 *   <li>10/21 is the 10/21 picture: every unit but HUS (which stays silent) reports every critical applicable
 *       subtask on time;
 *   <li>09/21 and 08/21 are the same units a step and two steps less far, some of them late, some silent, and in
 *       09/21 some report only what changed (coverage under 100 %); Kymenlaakso was further along in September than
 *       it says in October (a slipping unit);
 *   <li>in the open round a few units have confirmed "unchanged" and a few have reported changes, the others have
 *       not reported yet (they are reminded, at the demo addresses {@code tilannekuva@<unit>.example}, in memory).
 * </ul>
 *
 * The past reports are stored through the normal report path as received on their round's dates, so that the
 * status-changed events go out and the rounds are judged as they would have been. Deterministic: the same roadmap
 * gives the same statuses.
 */
@ApplicationScoped
public class DemoReports {

    private static final Logger LOG = Logger.getLogger(DemoReports.class);

    /** The units that never report in the demo. */
    static final List<String> SILENT = List.of("hus");

    /** The unit whose October report falls behind its September one (a slipping unit for the trends and risks). */
    static final String SLIPPING = "kymenlaakso";

    static final String REPORTED_AT = "2021-10-15T09:00:00Z";
    private static final LocalDate ROUND_DAY = LocalDate.of(2021, 10, 15);
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final RoundView.RoundWindow WINDOW =
            new RoundView.RoundWindow(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 12, 31));
    private static final LocalDate DEADLINE = LocalDate.of(2023, 1, 1);

    private static final List<String> DELAY_REASONS = List.of(
            "Järjestelmätoimittajan toimituskyky viivästyttää",
            "ICT-henkilöstöstä pulaa",
            "Poliittinen päätöksenteko kesken",
            "Komponenttipula viivästyttää hankintoja");

    /** How a unit took part in a past round. */
    enum Part {
        ON_TIME,
        LATE,
        PARTIAL,
        SILENT
    }

    /** A demo report and when it was received. */
    record Submission(String round, ReportRound report, Instant receivedAt) {}

    @Inject
    StatusConfig config;

    @Inject
    RoadmapCatalog roadmaps;

    @Inject
    ReportRepository reports;

    @Inject
    ReportService reportService;

    @Inject
    RoundCalendar calendar;

    @Inject
    RoundCompleteness completeness;

    @Inject
    UnitContacts contacts;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent event) {
        if (config.demo().enabled()) {
            CompletableFuture.runAsync(this::loadIfEmpty);
        }
    }

    void onRoadmap(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoadmapStored stored) {
        if (config.demo().enabled()) {
            CompletableFuture.runAsync(this::loadIfEmpty);
        }
    }

    /** Stores the demo rounds if a roadmap is known and nothing was reported yet. */
    synchronized void loadIfEmpty() {
        try {
            var roadmap = roadmaps.current();
            if (roadmap.isEmpty() || QuarkusTransaction.requiringNew().call(reports::anyStored)) {
                return;
            }
            int units = store(roadmap.get());
            int planned = plan(clock.instant());
            int active = openRound(roadmap.get(), clock.instant());
            LOG.infof(
                    "demo: reports of %d units in 10/21 and the rounds before it stored against roadmap version %d,"
                            + " %d rounds planned, %d units active in the open round",
                    units, roadmap.get().version(), planned, active);
        } catch (RuntimeException e) {
            LOG.warn("demo reports could not be stored", e);
        }
    }

    /**
     * Stores the reports of the three past demo rounds through the normal report path, one transaction per unit and
     * round, each as received on its round's date.
     *
     * @param roadmap the roadmap the reports are built from and validated against
     * @return how many units reported in 10/21
     */
    public int store(RoadmapSnapshot roadmap) {
        for (Submission submission : history(roadmap)) {
            // The key makes a second replica's (or a second trigger's) attempt a harmless replay.
            reportService.submitReceivedAt(
                    submission.report(),
                    "demo-" + submission.round() + "-" + submission.report().region() + "-v" + roadmap.version(),
                    submission.receivedAt());
        }
        int units = 0;
        for (ReportRound round : rounds(roadmap)) {
            reportService.submitReceivedAt(
                    round, "demo-" + round.region() + "-v" + roadmap.version(), Instant.parse(REPORTED_AT));
            units++;
        }
        return units;
    }

    /**
     * Plans the demo calendar, each round unless it is planned already or would overlap a round planned otherwise
     * (then it is left out, with a warning).
     *
     * @return how many rounds were planned now
     */
    public int plan(Instant now) {
        int planned = 0;
        for (RoundRequest round : calendar(now)) {
            try {
                calendar.plan(round);
                planned++;
            } catch (ProblemException e) {
                LOG.warnf(
                        "demo round %s not planned: %s",
                        round.name(), e.problem().detail());
            }
        }
        return planned;
    }

    /**
     * The open round's activity: every fourth unit confirms all its statuses unchanged, three units report changes,
     * and every unit gets a demo contact for the reminders.
     *
     * @return how many units confirmed or reported
     */
    public int openRound(RoadmapSnapshot roadmap, Instant now) {
        List<String> units = reporting(roadmap);
        int active = 0;
        for (int i = 0; i < units.size(); i++) {
            String unit = units.get(i);
            if (contacts.of(unit).isEmpty()) {
                contacts.replace(unit, List.of(new ContactView("tilannekuva@" + unit + ".example", language(unit))));
            }
        }
        if (!calendar.list().stream()
                .anyMatch(r -> r.state().equals("OPEN") || r.state().equals("OVERDUE"))) {
            return 0;
        }
        List<ReportRound> october = rounds(roadmap);
        for (int i = 0; i < units.size(); i++) {
            String unit = units.get(i);
            if (i % 4 == 0) {
                completeness.confirm(unit, null);
                active++;
            } else if (i % 4 == 1 && i < 12) {
                october.stream()
                        .filter(r -> r.region().equals(unit))
                        .findFirst()
                        .map(r -> advance(r, now))
                        .ifPresent(r -> reportService.submit(r, "demo-open-" + unit + "-v" + roadmap.version()));
                active++;
            }
        }
        return active;
    }

    /** The demo calendar: 08/21, 09/21 and 10/21, and a round open now, named after the current month. */
    static List<RoundRequest> calendar(Instant now) {
        List<RoundRequest> rounds = new ArrayList<>();
        for (int month = 8; month <= 10; month++) {
            LocalDate first = LocalDate.of(2021, month, 1);
            rounds.add(new RoundRequest(
                    String.format("%02d/21", month),
                    WINDOW,
                    DEADLINE,
                    first.plusDays(1).atTime(8, 0).atZone(HELSINKI).toInstant(),
                    first.plusDays(19).atTime(16, 0).atZone(HELSINKI).toInstant(),
                    first.plusMonths(1).atStartOfDay(HELSINKI).toInstant()));
        }
        Instant opens = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(10));
        YearMonth month = YearMonth.from(now.atZone(HELSINKI));
        rounds.add(new RoundRequest(
                String.format("%02d/%02d", month.getMonthValue(), month.getYear() % 100),
                new RoundView.RoundWindow(LocalDate.of(2021, 10, 1), LocalDate.of(2022, 3, 31)),
                DEADLINE,
                opens,
                opens.plus(Duration.ofDays(12)),
                opens.plus(Duration.ofDays(19))));
        return rounds;
    }

    /** The reports of 08/21 and 09/21, the earliest first. */
    static List<Submission> history(RoadmapSnapshot roadmap) {
        List<RoundRequest> past = calendar(Instant.parse(REPORTED_AT)).subList(0, 2);
        Map<String, ReportRound> october = new HashMap<>();
        rounds(roadmap).forEach(r -> october.put(r.region(), r));
        List<String> units = reporting(roadmap);
        List<Submission> submissions = new ArrayList<>();
        Map<String, List<ReportRound.ReportItem>> september = new HashMap<>();
        Map<String, List<ReportRound.ReportItem>> august = new HashMap<>();
        for (String unit : units) {
            if (october.containsKey(unit)) {
                // The slipping unit was further along in September than it says in October.
                List<ReportRound.ReportItem> sep = unit.equals(SLIPPING)
                        ? improve(october.get(unit).items())
                        : regress(october.get(unit).items(), new Random(unit.hashCode() + 9));
                september.put(unit, sep);
                august.put(unit, regress(sep, new Random(unit.hashCode() + 8)));
            }
        }
        for (int r = 0; r < past.size(); r++) {
            RoundRequest round = past.get(r);
            for (int i = 0; i < units.size(); i++) {
                String unit = units.get(i);
                if (!september.containsKey(unit)) {
                    continue;
                }
                Part part = part(r, i);
                List<ReportRound.ReportItem> items = (r == 0 ? august : september).get(unit);
                if (part == Part.SILENT) {
                    continue;
                }
                if (part == Part.PARTIAL) {
                    items = changedSince(august.get(unit), items);
                    if (items.isEmpty()) {
                        continue;
                    }
                }
                Instant at = part == Part.LATE
                        ? round.dueAt().plus(Duration.ofDays(2)).plus(Duration.ofHours(i))
                        : round.opensAt().plus(Duration.ofDays(2 + i % 10)).plus(Duration.ofHours(1));
                submissions.add(new Submission(round.name(), new ReportRound(unit, at.toString(), items), at));
            }
        }
        return submissions;
    }

    /**
     * How the {@code i}th reporting unit took part in the {@code r}th past round: in 08/21 three are silent and three
     * late; in 09/21 two are silent, two late and every third reports only what changed since 08/21.
     */
    static Part part(int r, int i) {
        if (r == 0) {
            return i % 7 == 3 ? Part.SILENT : i % 7 == 5 ? Part.LATE : Part.ON_TIME;
        }
        if (i % 11 == 4) {
            return Part.SILENT;
        }
        if (i % 11 == 8) {
            return Part.LATE;
        }
        return i % 3 == 0 && part(0, i) != Part.SILENT ? Part.PARTIAL : Part.ON_TIME;
    }

    /** The 10/21 reports, one per reporting unit: critical applicable subtasks only, HUS left out. */
    static List<ReportRound> rounds(RoadmapSnapshot roadmap) {
        List<RoadmapSnapshot.Subtask> critical = roadmap.subtasks().values().stream()
                .filter(RoadmapSnapshot.Subtask::critical)
                .sorted(Comparator.comparing(RoadmapSnapshot.Subtask::id))
                .toList();
        List<ReportRound> rounds = new ArrayList<>();
        for (String unit : reporting(roadmap)) {
            Random random = new Random(unit.hashCode());
            double maturity = 0.3 + 0.6 * random.nextDouble();
            List<ReportRound.ReportItem> items = new ArrayList<>();
            for (RoadmapSnapshot.Subtask subtask : critical) {
                if (subtask.appliesTo(unit)) {
                    items.add(item(subtask, maturity, random));
                }
            }
            if (!items.isEmpty()) {
                rounds.add(new ReportRound(unit, REPORTED_AT, items));
            }
        }
        return rounds;
    }

    /** The units of the roadmap that report in the demo, sorted. */
    private static List<String> reporting(RoadmapSnapshot roadmap) {
        List<String> units = roadmap.regions().isEmpty()
                ? Units.ALL
                : roadmap.regions().stream().sorted().toList();
        return units.stream().filter(unit -> !SILENT.contains(unit)).toList();
    }

    /** The statuses a round earlier: each a step back now and then, never into a delay. */
    private static List<ReportRound.ReportItem> regress(List<ReportRound.ReportItem> items, Random random) {
        List<ReportRound.ReportItem> earlier = new ArrayList<>(items.size());
        for (ReportRound.ReportItem item : items) {
            double r = random.nextDouble();
            Status status =
                    switch (Status.valueOf(item.status())) {
                        case DONE -> r < 0.75 ? Status.DONE : Status.ON_SCHEDULE;
                        case ON_SCHEDULE -> r < 0.7 ? Status.ON_SCHEDULE : Status.IN_PROGRESS;
                        case IN_PROGRESS -> r < 0.7 ? Status.IN_PROGRESS : Status.NOT_STARTED;
                        case DELAYED -> r < 0.5 ? Status.DELAYED : Status.IN_PROGRESS;
                        case NOT_STARTED -> Status.NOT_STARTED;
                    };
            boolean delayed = status == Status.DELAYED;
            earlier.add(new ReportRound.ReportItem(
                    item.subtask(),
                    status.name(),
                    delayed ? item.comment() : null,
                    delayed && Boolean.TRUE.equals(item.supportNeeded()),
                    null));
        }
        return earlier;
    }

    /** The statuses a step further along: what the slipping unit said in September. */
    private static List<ReportRound.ReportItem> improve(List<ReportRound.ReportItem> items) {
        List<ReportRound.ReportItem> better = new ArrayList<>(items.size());
        for (ReportRound.ReportItem item : items) {
            Status status =
                    switch (Status.valueOf(item.status())) {
                        case NOT_STARTED, DELAYED -> Status.IN_PROGRESS;
                        case IN_PROGRESS -> Status.ON_SCHEDULE;
                        case ON_SCHEDULE, DONE -> Status.DONE;
                    };
            better.add(new ReportRound.ReportItem(item.subtask(), status.name(), null, false, null));
        }
        return better;
    }

    /** The items whose status differs from the earlier list's. */
    private static List<ReportRound.ReportItem> changedSince(
            List<ReportRound.ReportItem> before, List<ReportRound.ReportItem> now) {
        Map<String, String> earlier = new HashMap<>();
        before.forEach(item -> earlier.put(item.subtask(), item.status()));
        return now.stream()
                .filter(item -> !item.status().equals(earlier.get(item.subtask())))
                .toList();
    }

    /** The unit's 10/21 report moved on for the open round: its first five unfinished subtasks a step further. */
    private static ReportRound advance(ReportRound october, Instant now) {
        List<ReportRound.ReportItem> items = new ArrayList<>();
        for (ReportRound.ReportItem item : october.items()) {
            Status status = Status.valueOf(item.status());
            Status next =
                    switch (status) {
                        case NOT_STARTED -> Status.IN_PROGRESS;
                        case IN_PROGRESS, DELAYED -> Status.ON_SCHEDULE;
                        case ON_SCHEDULE -> Status.DONE;
                        case DONE -> null;
                    };
            if (next != null && items.size() < 5) {
                items.add(new ReportRound.ReportItem(item.subtask(), next.name(), null, false, null));
            }
        }
        return new ReportRound(
                october.region(), now.truncatedTo(ChronoUnit.SECONDS).toString(), items);
    }

    /** The demo contact's language: Swedish for Pohjanmaa (Österbotten), Finnish elsewhere. */
    private static String language(String unit) {
        return unit.equals("pohjanmaa") ? "sv" : "fi";
    }

    private static ReportRound.ReportItem item(RoadmapSnapshot.Subtask subtask, double maturity, Random random) {
        double r = random.nextDouble();
        boolean due = subtask.to() != null && subtask.to().isBefore(ROUND_DAY);
        boolean notYet = subtask.from() != null && subtask.from().isAfter(ROUND_DAY);
        Status status;
        if (notYet) {
            status = r < maturity * 0.3 ? Status.IN_PROGRESS : Status.NOT_STARTED;
        } else if (r < 0.08) {
            status = Status.DELAYED;
        } else if (due) {
            status = r < maturity + 0.2 ? Status.DONE : Status.IN_PROGRESS;
        } else if (r < maturity * 0.4) {
            status = Status.DONE;
        } else if (r < maturity) {
            status = Status.ON_SCHEDULE;
        } else if (r < maturity + 0.25) {
            status = Status.IN_PROGRESS;
        } else {
            status = Status.NOT_STARTED;
        }
        boolean delayed = status == Status.DELAYED;
        boolean support = delayed && random.nextDouble() < 0.6;
        String comment = delayed ? DELAY_REASONS.get(random.nextInt(DELAY_REASONS.size())) : null;
        return new ReportRound.ReportItem(subtask.id(), status.name(), comment, support, null);
    }
}
