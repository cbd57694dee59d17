package fi.tilannekuva.kit.outbox;

/**
 * Makes sure the topics a service produces exist as it needs them (e.g. compacted) before anything reaches them; a
 * service that needs this provides one bean. The relay calls it as soon as it leads, before its first batch, so that
 * no consumer's metadata request creates a topic first with the broker's defaults.
 */
public interface TopicProvisioner {

    /** Whether the service's topics are ready to receive events (false: the relay asks again later). */
    boolean ensureTopics();
}
