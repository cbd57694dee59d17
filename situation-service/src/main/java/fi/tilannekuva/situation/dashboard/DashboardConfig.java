package fi.tilannekuva.situation.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalDate;

/** How the dashboard page keeps itself current. */
@ConfigMapping(prefix = "tilannekuva.dashboard")
public interface DashboardConfig {

    /**
     * How often the page asks whether the picture changed ({@code If-None-Match}, so an unchanged picture costs a
     * 304 and no body). With the server-sent change stream available the page polls only as a fallback, at
     * {@link #fallbackRefreshInterval()}.
     */
    @WithDefault("5s")
    Duration refreshInterval();

    /** The slower safety-net poll while the change stream ({@code /api/v1/situation/changes}) is connected. */
    @WithDefault("60s")
    Duration fallbackRefreshInterval();

    /**
     * Whether the local stack's demo data are loaded ({@code TILANNEKUVA_DEMO}). They are the seed's 10/21 round, so
     * the page then opens on {@link #demoWindowFrom()}–{@link #demoWindowTo()} instead of the API's default window
     * (the current half-year, in which 2021 data track nothing).
     */
    @WithDefault("false")
    boolean demo();

    /** The first day of the window the page opens on in demo mode: 10/21 looked at April–December 2021. */
    @WithDefault("2021-04-01")
    LocalDate demoWindowFrom();

    /** The last day of the window the page opens on in demo mode. */
    @WithDefault("2021-12-31")
    LocalDate demoWindowTo();
}
