package fi.tilannekuva.kit.outbox;

import java.util.Set;

/**
 * Makes sure the topics a service produces exist as it needs them (e.g. compacted) before anything reaches them; a
 * service that needs this provides one bean. The relay prepares them as soon as it leads, before its first batch, so
 * that no consumer's metadata request creates them first with the broker's defaults.
 */
public interface TopicProvisioner {

    /** The topics to prepare. */
    Set<String> topics();

    /** Whether {@code topic} is ready to receive events (false: the relay retries later). */
    boolean ensure(String topic);
}
