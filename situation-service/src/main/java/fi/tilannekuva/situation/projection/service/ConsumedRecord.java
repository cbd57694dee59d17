package fi.tilannekuva.situation.projection.service;

/**
 * One Kafka record as the projection receives it: where it came from and either its data or why it was rejected.
 *
 * @param data the parsed event data, null when rejected
 * @param rejection why the record could not be read, null when parsed
 */
public record ConsumedRecord<T>(
        String topic, int partition, long offset, String eventId, T data, String rejection, String raw) {

    /** Whether the record was read. */
    public boolean parsed() {
        return rejection == null;
    }
}
