package fi.tilannekuva.situation.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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
}
