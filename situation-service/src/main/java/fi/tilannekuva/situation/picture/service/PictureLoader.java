package fi.tilannekuva.situation.picture.service;

import fi.tilannekuva.kit.reform.Status;
import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.picture.model.Countable;
import fi.tilannekuva.situation.picture.model.Picture;
import fi.tilannekuva.situation.picture.model.Roadmap;
import fi.tilannekuva.situation.picture.model.StatusGrid;
import fi.tilannekuva.situation.picture.model.StatusRecord;
import fi.tilannekuva.situation.projection.repository.StatusRepository;
import fi.tilannekuva.situation.projection.repository.StatusRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/** Reads the state a picture is computed from: live from the current table, or as of an instant from the log. */
@ApplicationScoped
public class PictureLoader {

    private static final Logger LOG = Logger.getLogger(PictureLoader.class);

    @Inject
    StatusRepository statuses;

    @Inject
    RoadmapCatalog catalog;

    @Inject
    SituationConfig config;

    @Inject
    Clock clock;

    /**
     * The live state: the current roadmap and the current status of every (unit, subtask).
     *
     * @return the state; its roadmap is null while no roadmap has been seen
     */
    @Transactional
    public Picture live() {
        return live(null);
    }

    /**
     * The live state of some units only (the others have no statuses in it), for the drill-down of one unit: it reads
     * a few thousand rows, not every unit's.
     *
     * @param regions the units, null for all
     */
    @Transactional
    public Picture live(Set<String> regions) {
        Map<String, Map<String, StatusRecord>> byUnit = byUnit(statuses.current(regions));
        return new Picture(
                catalog.current().orElse(null),
                byUnit,
                byUnit.keySet(),
                regions == null ? statuses.newestRecordedAt(null) : null,
                LocalDate.now(clock.withZone(config.zone())));
    }

    /**
     * The state as it stood at an instant: per (unit, subtask) the highest version recorded by then, and the roadmap
     * version published by then.
     *
     * @param asOf the instant; events with a later {@code recordedAt} are left out
     */
    @Transactional
    public Picture asOf(Instant asOf) {
        Map<String, Map<String, StatusRecord>> byUnit = byUnit(statuses.latestRecordedBy(asOf));
        return new Picture(
                catalog.asOf(asOf).orElse(null),
                byUnit,
                byUnit.keySet(),
                statuses.newestRecordedAt(asOf),
                LocalDate.ofInstant(asOf, config.zone()));
    }

    /**
     * The state to count progress and readiness from: live when {@code asOf} is null, else as of it, held as a
     * {@link StatusGrid} of statuses only (no comment, support flag or instants), filled as the log's rows are read.
     * For the counted views only: whatever shows a comment or an instant reads {@link #at}.
     */
    @Transactional
    public Countable toCount(Instant asOf) {
        if (asOf == null) {
            return liveToCount(null);
        }
        Roadmap roadmap = catalog.asOf(asOf).orElse(null);
        Instant newest = statuses.newestRecordedAt(asOf);
        StatusGrid grid = new StatusGrid(roadmap, newest);
        // from the latest checkpoint and the events after it (AsOfCheckpoints), else from the whole log's valid rows
        if (roadmap != null) {
            try {
                if (statuses.fromCheckpoint(asOf, grid.layout(), grid::merge, into(grid))) {
                    return grid;
                }
            } catch (IllegalArgumentException unreadable) {
                LOG.warnf("asOf %s: %s; counted from the log instead", asOf, unreadable.getMessage());
                grid = new StatusGrid(roadmap, newest);
            }
        }
        statuses.statusesRecordedBy(asOf, into(grid));
        return grid;
    }

    /**
     * The live state to count from, statuses only, of some units or all: with units given, only they are counted (the
     * roadmap holds only them) and the newest event's instant is left out, for the band check of the units an applied
     * batch touched.
     *
     * @param regions the units, null for all
     */
    @Transactional
    public Countable liveToCount(Set<String> regions) {
        Roadmap roadmap = catalog.current()
                .map(current -> regions == null ? current : current.withUnits(regions))
                .orElse(null);
        StatusGrid grid = new StatusGrid(roadmap, regions == null ? statuses.newestRecordedAt(null) : null);
        statuses.currentStatuses(regions, into(grid));
        return grid;
    }

    /** Puts each row read into the grid. */
    static StatusRepository.StatusSink into(StatusGrid grid) {
        return (region, subtask, version, status) -> grid.put(region, subtask, version, Status.valueOf(status));
    }

    /** Live when {@code asOf} is null, else as of it. */
    public Picture at(Instant asOf) {
        return asOf == null ? live() : asOf(asOf);
    }

    private static Map<String, Map<String, StatusRecord>> byUnit(List<StatusRow> rows) {
        Map<String, Map<String, StatusRecord>> byUnit = new HashMap<>();
        for (StatusRow row : rows) {
            // merge, keeping the highest version: exact whatever order the rows come in
            byUnit.computeIfAbsent(row.region(), unit -> new HashMap<>())
                    .merge(
                            row.subtask(),
                            new StatusRecord(
                                    row.region(),
                                    row.subtask(),
                                    row.version(),
                                    Status.valueOf(row.status()),
                                    row.comment(),
                                    row.supportNeeded(),
                                    row.reportedAt(),
                                    row.recordedAt()),
                            (a, b) -> a.version() >= b.version() ? a : b);
        }
        return byUnit;
    }
}
