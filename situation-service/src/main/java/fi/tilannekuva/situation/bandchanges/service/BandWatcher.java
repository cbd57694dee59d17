package fi.tilannekuva.situation.bandchanges.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.events.CloudEvents;
import fi.tilannekuva.kit.outbox.Outbox;
import fi.tilannekuva.kit.outbox.OutboxMessage;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.Band;
import fi.tilannekuva.situation.bandchanges.event.SituationChanged;
import fi.tilannekuva.situation.bandchanges.repository.BandStateEntity;
import fi.tilannekuva.situation.bandchanges.repository.BandStateRepository;
import fi.tilannekuva.situation.bandchanges.repository.PendingBandChecks;
import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.picture.api.ProgressCell;
import fi.tilannekuva.situation.picture.api.ProgressRow;
import fi.tilannekuva.situation.picture.api.ProgressView;
import fi.tilannekuva.situation.picture.api.ReadinessCell;
import fi.tilannekuva.situation.picture.api.ReadinessRow;
import fi.tilannekuva.situation.picture.api.ReadinessView;
import fi.tilannekuva.situation.picture.model.Countable;
import fi.tilannekuva.situation.picture.model.PictureCalculator;
import fi.tilannekuva.situation.picture.service.PictureCache;
import fi.tilannekuva.situation.picture.service.PictureLoader;
import fi.tilannekuva.situation.projection.service.ProjectionChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Compares the configured measures' bands with those last published and writes a band-change event for each move. A
 * projection change marks the units it may have moved in its own transaction; the comparison follows in a transaction
 * of its own (band states, events and the marks taken together), so nothing is lost between the two and the change is
 * visible without waiting for it.
 */
@ApplicationScoped
public class BandWatcher {

    private static final Logger LOG = Logger.getLogger(BandWatcher.class);

    /** The topic partners subscribe to. */
    public static final String TOPIC = "situation-changed";

    static final String SOURCE = "/tilannekuva/situation-service";
    public static final String TYPE = "fi.tilannekuva.situation.band-changed.v1";

    @Inject
    PictureLoader loader;

    @Inject
    BandStateRepository states;

    @Inject
    PendingBandChecks pending;

    @Inject
    Outbox outbox;

    @Inject
    SituationConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /**
     * Marks, in the transaction of a projection change, the units whose bands it may have moved: the mark commits with
     * the change, so the comparison is owed even if it never runs (see {@link #afterCommit}).
     */
    void onProjectionChanged(@Observes ProjectionChanged changed) {
        if (changed.comparesBands() && config.bandEvents().enabled()) {
            pending.mark(changed.bandsToCompare());
        }
    }

    /**
     * Compares the marked units' bands once the change committed, in a transaction of its own: the change is visible
     * (the picture cache dropped, the change stream told) before the comparison, which is most of an applied batch's
     * work. After the cache's observer and the change stream's.
     */
    void afterCommit(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(PictureCache.INVALIDATE_PRIORITY + 10)
                    ProjectionChanged changed) {
        if (changed.comparesBands()) {
            compareOwed("after a change");
        }
    }

    /** Compares what a check that did not run left marked (a crash, the database away), at start and then often. */
    @Scheduled(every = "${situation.band-events.sweep:PT5S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        compareOwed("in the sweep");
    }

    /** {@link #comparePending()}, a failure only logged: the marks stay, and the next sweep compares them. */
    private void compareOwed(String when) {
        if (!config.bandEvents().enabled()) {
            return;
        }
        try {
            comparePending();
        } catch (RuntimeException e) {
            LOG.warnf("comparing bands %s: %s; still marked, the sweep retries", when, e);
        }
    }

    /**
     * Takes every marked unit and compares its bands, in one transaction: the band states, the events and the marks
     * taken commit together.
     *
     * @return how many band-change events were written
     */
    public int comparePending() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> regions = pending.take();
            return regions != null && regions.isEmpty() ? 0 : compare(regions);
        });
    }

    /**
     * Writes an outbox event for every cell of the given units whose band moved, in the caller's transaction.
     *
     * @param regions the units to compare, null for all
     * @return how many events were written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int compare(Set<String> regions) {
        if (!config.bandEvents().enabled()) {
            return 0;
        }
        SituationConfig.BandEvents measures = config.bandEvents();
        Countable picture = loader.liveToCount(regions); // only the units to compare are counted
        if (picture.roadmap() == null) {
            return 0;
        }
        ProgressView progress = PictureCalculator.progress(picture, measures.windowFrom(), measures.windowTo(), null);
        ReadinessView readiness = PictureCalculator.readiness(picture, measures.deadline(), null);
        Map<String, BandStateEntity> known = states.byId(regions);
        Instant now = clock.instant();
        int written = 0;
        for (ProgressRow row : progress.rows()) {
            for (Group group : Group.values()) {
                ProgressCell cell = row.cells().get(group);
                written += move(
                        known,
                        row.region(),
                        group,
                        "PROGRESS",
                        cell.band(),
                        cell.percent(),
                        cell.tracked(),
                        cell.started(),
                        progress.roadmapVersion(),
                        now);
            }
        }
        for (ReadinessRow row : readiness.rows()) {
            for (Group group : Group.values()) {
                ReadinessCell cell = row.cells().get(group);
                written += move(
                        known,
                        row.region(),
                        group,
                        "READINESS_DONE",
                        cell.doneBand(),
                        cell.donePercent(),
                        cell.tracked(),
                        cell.done(),
                        readiness.roadmapVersion(),
                        now);
            }
        }
        return written;
    }

    private int move(
            Map<String, BandStateEntity> known,
            String region,
            Group group,
            String measure,
            Band band,
            Integer percent,
            int tracked,
            Integer count,
            Integer roadmapVersion,
            Instant now) {
        String id = region + "/" + group + "/" + measure;
        BandStateEntity state = known.get(id);
        String previous = state == null ? null : state.band;
        String next = band == null ? null : band.name();
        if (state == null && next == null) {
            return 0; // never had a band and still has none: nothing moved
        }
        if (state != null && Objects.equals(previous, next)) {
            if (!Objects.equals(state.percent, percent)) {
                state.percent = percent; // same band: remember the figure, publish nothing
            }
            return 0;
        }
        Integer previousPercent = state == null ? null : state.percent;
        boolean fresh = state == null;
        if (fresh) {
            state = new BandStateEntity();
            state.id = id;
            state.region = region;
            state.groupCode = group.name();
            state.measure = measure;
        }
        state.band = next;
        state.percent = percent;
        state.changedAt = now;
        if (fresh) {
            states.persist(state);
        }
        SituationConfig.BandEvents measures = config.bandEvents();
        boolean progress = measure.equals("PROGRESS");
        SituationChanged data = new SituationChanged(
                region,
                group.name(),
                measure,
                progress ? measures.windowFrom() : null,
                progress ? measures.windowTo() : null,
                progress ? null : measures.deadline(),
                previous,
                next,
                previousPercent,
                percent,
                tracked,
                count,
                roadmapVersion,
                now);
        String eventId = UUID.randomUUID().toString();
        outbox.append(new OutboxMessage(
                eventId, TOPIC, region, CloudEvents.write(mapper, eventId, SOURCE, TYPE, id, now, data)));
        return 1;
    }
}
