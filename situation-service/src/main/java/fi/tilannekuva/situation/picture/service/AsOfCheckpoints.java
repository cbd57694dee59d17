package fi.tilannekuva.situation.picture.service;

import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.picture.model.Roadmap;
import fi.tilannekuva.situation.picture.model.StatusGrid;
import fi.tilannekuva.situation.projection.repository.ProjectionAdminRepository;
import fi.tilannekuva.situation.projection.repository.StatusRepository;
import fi.tilannekuva.situation.projection.repository.StatusRepository.Checkpoint;
import fi.tilannekuva.situation.projection.service.CatchUp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Writes the checkpoints asOf starts from (V7 migration): every {@code spacing} logged events in recorded order, the
 * grid of every status as of that event's recording. Each is built from the one before and the events between (a few
 * thousand rows), or from the log's validity index when the one before is of another layout (roadmap version); each in a
 * transaction of its own holding the apply lock, so no batch commits between what it reads and what it stores. A
 * batch that later logs an event recorded at or before a checkpoint deletes it (StatusRepository), and it is written
 * again from the one before.
 */
@ApplicationScoped
public class AsOfCheckpoints {

    private static final Logger LOG = Logger.getLogger(AsOfCheckpoints.class);

    @Inject
    StatusRepository statuses;

    @Inject
    ProjectionAdminRepository admin;

    @Inject
    RoadmapCatalog catalog;

    @Inject
    CatchUp catchUp;

    @Inject
    SituationConfig config;

    @Inject
    Clock clock;

    /** Writes the checkpoints due, except during a rebuild's replay (it writes them all once the replay ends). */
    @Scheduled(
            every = "${situation.as-of-checkpoints.every:PT2S}",
            delay = 5,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void writeScheduled() {
        if (catchUp.replaying()) {
            return;
        }
        try {
            int written = writeDue(
                    config.asOfCheckpoints().spacing(), config.asOfCheckpoints().settle());
            if (written > 0) {
                LOG.debugf("%d asOf checkpoints written", written);
            }
        } catch (RuntimeException e) {
            LOG.warnf("writing asOf checkpoints: %s; the next run tries again", e);
        }
    }

    /**
     * Writes every checkpoint due: one each {@code spacing} events after the newest, at instants at least
     * {@code settle} old.
     *
     * @return how many were written (an unreadable newest one, deleted to be written again, counts too)
     */
    public int writeDue(int spacing, Duration settle) {
        int written = 0;
        while (QuarkusTransaction.requiringNew().call(() -> writeNext(spacing, settle))) {
            written++;
        }
        return written;
    }

    private boolean writeNext(int spacing, Duration settle) {
        admin.holdApplyLock(true);
        Optional<Checkpoint> last = statuses.latestCheckpoint();
        Instant after = last.map(Checkpoint::at).orElse(null);
        Instant at = statuses.nthRecordedAfter(after, spacing);
        if (at == null || at.isAfter(clock.instant().minus(settle))) {
            return false;
        }
        Roadmap roadmap = catalog.asOf(at).orElse(null);
        if (roadmap == null) {
            return false;
        }
        StatusGrid grid = new StatusGrid(roadmap, null);
        long layout = grid.layout();
        if (last.isPresent() && last.get().layout() == layout) {
            try {
                grid.merge(last.get().grid());
            } catch (IllegalArgumentException unreadable) {
                // asOf counts from the log meanwhile; the one before it is the newest now, and the loop goes on
                LOG.warnf("asOf checkpoint at %s: %s; deleted, written again", after, unreadable.getMessage());
                statuses.deleteCheckpoint(after);
                return true;
            }
            statuses.statusesRecordedBetween(after, at, PictureLoader.into(grid));
        } else {
            statuses.statusesRecordedBy(at, PictureLoader.into(grid));
        }
        statuses.insertCheckpoint(new Checkpoint(at, roadmap.version(), layout, grid.checkpoint()));
        return true;
    }
}
