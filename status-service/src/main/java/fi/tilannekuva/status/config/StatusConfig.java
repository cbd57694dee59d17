package fi.tilannekuva.status.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The domain settings of the status service (prefix {@code status}). */
@ConfigMapping(prefix = "status")
public interface StatusConfig {

    /** Limits applied to incoming reports. */
    Reports reports();

    /** The outbox relay that publishes status-changed events. */
    Outbox outbox();

    /** Idempotency-Key records. */
    Idempotency idempotency();

    /** Demo data for the local stack. */
    Demo demo();

    /** The round calendar's events. */
    Rounds rounds();

    /** The round calendar's events. */
    interface Rounds {

        /** How often the calendar is looked at for events that are due. */
        @WithDefault("5s")
        String checkEvery();

        /** How long before a round's {@code dueAt} its round-due-soon event goes out. */
        @WithDefault("P2D")
        Duration dueSoonLead();

        /** How long before {@code dueAt} a unit with no activity in the round is reminded, once per lead. */
        @WithDefault("P3D,P1D")
        List<Duration> reminderLeads();

        /** Where the ministry's digest of a round's missing units goes. */
        String ministryEmail();
    }

    /** Limits applied to incoming reports. */
    interface Reports {

        /** The most items one request may carry (a whole reporting round of a unit fits easily); more answers 413. */
        @WithDefault("5000")
        int maxItems();

        /** The longest comment accepted on an item, in characters. */
        @WithDefault("2000")
        int maxCommentLength();

        /** How far in the future {@code reportedAt} may lie, to tolerate the reporting system's clock. */
        @WithDefault("PT5M")
        Duration clockSkew();
    }

    /** The status-changed events (the relay itself is configured under {@code outbox.*}, the service kit's). */
    interface Outbox {

        /** The topic status-changed events go to. */
        @WithDefault("status-changed")
        String topic();
    }

    /** Idempotency-Key records. */
    interface Idempotency {

        /**
         * How long the first answer to a key is kept for replays; older records are deleted by the relaying replica
         * once an hour, and a retry after that is stored as a new report.
         */
        @WithDefault("P7D")
        Duration retention();
    }

    /** Demo data for the local stack. */
    interface Demo {

        /** Whether demo reports are stored once a roadmap is known and no report exists (env TILANNEKUVA_DEMO). */
        @WithDefault("false")
        boolean enabled();
    }
}
