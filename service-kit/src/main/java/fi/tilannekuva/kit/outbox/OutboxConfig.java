package fi.tilannekuva.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay of a service (prefix {@code outbox}); the same settings and defaults in every service. */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay (one replica at a time publishes, elected in PostgreSQL). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for unsent rows when no commit woke it (another replica's rows, retries). */
    @WithDefault("PT1S")
    Duration sweepInterval();

    /** The most rows published per round trip. */
    @WithDefault("500")
    int batchSize();

    /** How long the producer keeps retrying a record (broker down) before the relay retries it itself. */
    @WithDefault("PT2M")
    Duration deliveryTimeout();

    /** How long sent rows are kept before the relay deletes them. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * The largest event in bytes (the producer's {@code max.request.size}); a roadmap of ~1,800 subtasks in three
     * languages passes 1 MB.
     */
    @WithDefault("8388608")
    int maxMessageBytes();
}
