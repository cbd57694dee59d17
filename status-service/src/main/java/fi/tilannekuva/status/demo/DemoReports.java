package fi.tilannekuva.status.demo;

import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.kit.reform.Units;
import fi.tilannekuva.status.RoadmapSnapshot;
import fi.tilannekuva.status.api.ReportRound;
import fi.tilannekuva.status.config.StatusConfig;
import fi.tilannekuva.status.repository.ReportRepository;
import fi.tilannekuva.status.service.ReportService;
import fi.tilannekuva.status.service.RoadmapCatalog;
import fi.tilannekuva.status.service.RoadmapStore.RoadmapStored;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Demo data for the local stack: once a roadmap is known and no report exists, an October 2021 round for every unit
 * but HUS (which stays silent, as in the 10/21 picture), stored through the normal service path so that the
 * status-changed events go out. Deterministic: the same roadmap gives the same statuses.
 */
@ApplicationScoped
public class DemoReports {

    private static final Logger LOG = Logger.getLogger(DemoReports.class);

    /** The units that never report in the demo. */
    static final List<String> SILENT = List.of("hus");

    static final String REPORTED_AT = "2021-10-15T09:00:00Z";
    private static final LocalDate ROUND_DAY = LocalDate.of(2021, 10, 15);

    private static final List<String> DELAY_REASONS = List.of(
            "Järjestelmätoimittajan toimituskyky viivästyttää",
            "ICT-henkilöstöstä pulaa",
            "Poliittinen päätöksenteko kesken",
            "Komponenttipula viivästyttää hankintoja");

    @Inject
    StatusConfig config;

    @Inject
    RoadmapCatalog roadmaps;

    @Inject
    ReportRepository reports;

    @Inject
    ReportService reportService;

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

    /** Stores the demo round of every demo unit if a roadmap is known and nothing was reported yet. */
    synchronized void loadIfEmpty() {
        try {
            var roadmap = roadmaps.current();
            if (roadmap.isEmpty() || QuarkusTransaction.requiringNew().call(reports::anyStored)) {
                return;
            }
            int units = store(roadmap.get());
            LOG.infof(
                    "demo reports stored for %d units against roadmap version %d",
                    units, roadmap.get().version());
        } catch (RuntimeException e) {
            LOG.warn("demo reports could not be stored", e);
        }
    }

    /**
     * Stores the demo rounds for a roadmap through the normal report path, one transaction per unit.
     *
     * @param roadmap the roadmap the rounds are built from and validated against
     * @return how many units reported
     */
    public int store(RoadmapSnapshot roadmap) {
        int units = 0;
        for (ReportRound round : rounds(roadmap)) {
            // The key makes a second replica's (or a second trigger's) attempt a harmless replay.
            reportService.submit(round, "demo-" + round.region() + "-v" + roadmap.version());
            units++;
        }
        return units;
    }

    /** The demo rounds for a roadmap, one per reporting unit: critical subtasks only, HUS left out. */
    static List<ReportRound> rounds(RoadmapSnapshot roadmap) {
        List<String> units = roadmap.regions().isEmpty()
                ? Units.ALL
                : roadmap.regions().stream().sorted().toList();
        List<RoadmapSnapshot.Subtask> critical = roadmap.subtasks().values().stream()
                .filter(RoadmapSnapshot.Subtask::critical)
                .sorted(Comparator.comparing(RoadmapSnapshot.Subtask::id))
                .toList();
        List<ReportRound> rounds = new ArrayList<>();
        for (String unit : units) {
            if (SILENT.contains(unit)) {
                continue;
            }
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
