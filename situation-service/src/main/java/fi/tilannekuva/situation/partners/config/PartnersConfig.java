package fi.tilannekuva.situation.partners.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The partners' webhooks and event feed (the partners/ feature). */
@ConfigMapping(prefix = "partners")
public interface PartnersConfig {

    /**
     * The local stack's demo (env {@code TILANNEKUVA_DEMO=true}): a feed-only subscription of the partner {@code thl}
     * to every event type, made once, so that the feed can be tried with {@code deploy/token.sh partner thl}.
     */
    @WithDefault("false")
    boolean demo();

    /** Webhook delivery. */
    Webhooks webhooks();

    /** The pull feed. */
    Feed feed();

    /** Webhook delivery. */
    interface Webhooks {

        /** Whether this replica delivers webhooks at all (the journal and the feed work either way). */
        @WithDefault("true")
        boolean enabled();

        /** Whether an endpoint may be plain http: only in the local stack and tests; https everywhere else. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * The waits before each retry of a failed delivery (each with {@link #jitter()}): the last is followed by the
         * subscription being marked failing. The default retries for 75 h 35 min over ten attempts.
         */
        @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT14H,PT20H,PT24H")
        List<Duration> retrySchedule();

        /** A retry's wait is the schedule's ± this share of it, at random, so that retries of many do not bunch. */
        @WithDefault("0.2")
        double jitter();

        /** How long a partner's server may take to accept a connection. */
        @WithDefault("PT2S")
        Duration connectTimeout();

        /** How long one delivery may take in all, from the request to the end of the answer. */
        @WithDefault("PT10S")
        Duration requestTimeout();

        /**
         * How long a replica holds a subscription it delivers to before another may take it over (renewed at each
         * event; must exceed the request timeout). A replica killed mid-delivery is taken over after this.
         */
        @WithDefault("PT30S")
        Duration lease();

        /** How often a replica looks for subscriptions with work, besides being woken by a new event. */
        @WithDefault("PT0.25S")
        Duration poll();

        /** How many subscriptions one replica delivers to at once: a hanging partner holds one of these. */
        @WithDefault("16")
        int maxConcurrent();

        /** How many events one turn delivers to a subscription before it gives the others their turn. */
        @WithDefault("100")
        int batch();

        /** How long a rotated-out secret keeps signing beside the new one, when the rotation names no grace. */
        @WithDefault("PT24H")
        Duration secretGrace();
    }

    /** The pull feed. */
    interface Feed {

        /** The longest a long poll waits ({@code wait=} in seconds is capped here). */
        @WithDefault("PT30S")
        Duration maxWait();

        /** How often a long poll looks for events another replica journaled (its own wake it at once). */
        @WithDefault("PT0.1S")
        Duration poll();
    }
}
