package fi.tilannekuva.situation.projection.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knows whether the consumers are still replaying what was on the topics when their partitions were assigned.
 *
 * <p>While replaying (first start, restart behind, rebuild), intermediate pictures are history, not news: band-change
 * events are held back and the bands are compared once, when every partition has caught up. So partners do not see
 * a rebuild's intermediate states as changes.
 */
@ApplicationScoped
public class CatchUp {

    /** topic/partition → the end offset at assignment that is not reached yet. */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();

    /** Notes a partition assigned with the consumer at {@code position} and the log ending at {@code endOffset}. */
    public void assigned(String topic, int partition, long position, long endOffset) {
        if (position < endOffset) {
            pending.put(topic + "/" + partition, endOffset);
        } else {
            pending.remove(topic + "/" + partition);
        }
    }

    /**
     * Notes that everything before {@code nextOffset} of the partition is applied.
     *
     * @return true if this made every partition caught up (the moment to compare all bands)
     */
    public boolean advanced(String topic, int partition, long nextOffset) {
        String key = topic + "/" + partition;
        Long end = pending.get(key);
        if (end != null && nextOffset >= end) {
            pending.remove(key);
            return pending.isEmpty();
        }
        return false;
    }

    /** Whether some partition is still replaying. */
    public boolean replaying() {
        return !pending.isEmpty();
    }
}
