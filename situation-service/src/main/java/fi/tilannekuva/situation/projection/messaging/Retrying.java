package fi.tilannekuva.situation.projection.messaging;

import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Retries a database step until it succeeds: while PostgreSQL is away, consumption waits instead of failing. */
public final class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);

    private Retrying() {}

    /** Runs the step, retrying with a backoff (0.2 s doubling to 10 s) on any exception. */
    public static <T> T untilDone(String what, Supplier<T> step) {
        long backoff = 200;
        while (true) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                LOG.warnf("%s failed, retrying in %d ms: %s", what, backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }
}
