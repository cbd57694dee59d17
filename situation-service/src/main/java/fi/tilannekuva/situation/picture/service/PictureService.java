package fi.tilannekuva.situation.picture.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.picture.api.ProgressView;
import fi.tilannekuva.situation.picture.api.ReadinessView;
import fi.tilannekuva.situation.picture.api.WindowView;
import fi.tilannekuva.situation.picture.model.PictureCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Progress and readiness as served: computed from the projection once per change, then answered from the cache. */
@ApplicationScoped
public class PictureService {

    @Inject
    PictureLoader loader;

    @Inject
    PictureCache cache;

    @Inject
    ObjectMapper mapper;

    @Inject
    SituationConfig config;

    @Inject
    Clock clock;

    /** The window when none is asked: the half-year (January–June or July–December) of asOf, or of today. */
    public WindowView defaultWindow(Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf == null ? clock.instant() : asOf, config.zone());
        LocalDate start = LocalDate.of(today.getYear(), today.getMonthValue() <= 6 ? 1 : 7, 1);
        return new WindowView(start, start.plusMonths(6).minusDays(1));
    }

    /** The deadline when none is asked (configured). */
    public LocalDate defaultDeadline() {
        return config.defaultDeadline();
    }

    /**
     * Progress per unit × group for a window.
     *
     * @param asOf null for the live picture, else the picture as recorded by then
     * @return the JSON body with its strong ETag
     */
    public PictureCache.Body progress(LocalDate from, LocalDate to, Instant asOf) {
        return cache.get("progress/" + from + "/" + to + "/" + asOf, () -> json(progressView(from, to, asOf)));
    }

    /**
     * Readiness per unit × group against a deadline.
     *
     * @param asOf null for the live picture, else the picture as recorded by then
     * @return the JSON body with its strong ETag
     */
    public PictureCache.Body readiness(LocalDate deadline, Instant asOf) {
        return cache.get("readiness/" + deadline + "/" + asOf, () -> json(readinessView(deadline, asOf)));
    }

    /** The progress view itself (CSV export, snapshots, risks). */
    public ProgressView progressView(LocalDate from, LocalDate to, Instant asOf) {
        return PictureCalculator.progress(loader.toCount(asOf), from, to, asOf);
    }

    /** The readiness view itself (CSV export, snapshots). */
    public ReadinessView readinessView(LocalDate deadline, Instant asOf) {
        return PictureCalculator.readiness(loader.toCount(asOf), deadline, asOf);
    }

    /** Serialises a view exactly as the JSON endpoints serve it. */
    public byte[] json(Object view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot serialise " + view.getClass().getSimpleName(), e);
        }
    }
}
