package fi.tilannekuva.situation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/** Domain settings of the situation picture. */
@ConfigMapping(prefix = "situation")
public interface SituationConfig {

    /** The time zone the days of the picture are counted in (default window, overdue). */
    @WithDefault("Europe/Helsinki")
    ZoneId zone();

    /** The readiness deadline when a request names none: the day the organising responsibility moved. */
    @WithDefault("2023-01-01")
    LocalDate defaultDeadline();

    /**
     * Truncate the projection on start and read both topics again from the beginning (the rebuild command; env
     * {@code SITUATION_REBUILD_ON_START=true}).
     */
    @WithDefault("false")
    boolean rebuildOnStart();

    /** What the band-change events on {@code situation-changed} measure. */
    BandEvents bandEvents();

    /** How many computed pictures the poll cache keeps (each is a few tens of kilobytes). */
    @WithDefault("256")
    int cacheSize();

    /**
     * How often at most the poll cache checks whether another replica changed the projection: the longest a replica
     * serves a picture another replica has already changed.
     */
    @WithDefault("PT0.5S")
    Duration cachePeerCheck();

    /**
     * The measures a band-change event refers to: progress over a fixed window (the current reporting window) and
     * readiness done against a fixed deadline. A partner subscribes to moves in these two measures only; a request
     * with another window or deadline is answered by the API but publishes nothing.
     */
    /** Rounds frozen when status-service's calendar closes them. */
    Rounds rounds();

    /** The checkpoints asOf starts from (the grid of every status as of an instant, stored every so many events). */
    AsOfCheckpoints asOfCheckpoints();

    /**
     * The checkpoints asOf starts from: asOf reads the latest one at or before its instant and only the events logged
     * after it, so its time is bounded by the spacing and not by the history's length.
     */
    interface AsOfCheckpoints {

        /** How many logged events apart (in recorded order) checkpoints are written: the most asOf reads beside one. */
        @WithDefault("5000")
        int spacing();

        /**
         * How old an instant must be before a checkpoint is written at it: events recorded before it may still be in
         * flight (a relay's backlog, another partition); one arriving later deletes the checkpoints it changes.
         */
        @WithDefault("PT5S")
        Duration settle();

        /** How often the writer looks for checkpoints due. */
        @WithDefault("PT2S")
        Duration every();
    }

    /** Rounds frozen when status-service's calendar closes them. */
    interface Rounds {

        /**
         * How long a round-closed event waits for the projection to apply what is on status-changed before the round
         * is frozen anyway (with a warning).
         */
        @WithDefault("PT2M")
        Duration catchUpTimeout();
    }

    interface BandEvents {

        /** Whether band-change events are written at all. */
        @WithDefault("true")
        boolean enabled();

        /** First day of the progress window the PROGRESS measure looks at (the 10/21 round: April–December 2021). */
        @WithDefault("2021-04-01")
        LocalDate windowFrom();

        /** Last day (inclusive) of the progress window the PROGRESS measure looks at. */
        @WithDefault("2021-12-31")
        LocalDate windowTo();

        /** The deadline the READINESS_DONE measure is counted against. */
        @WithDefault("2023-01-01")
        LocalDate deadline();

        /**
         * How often the band checks still owed are run (those whose run after the change failed or never came, e.g.
         * a crash between the two transactions); also right after the start.
         */
        @WithDefault("PT5S")
        Duration sweep();
    }
}
