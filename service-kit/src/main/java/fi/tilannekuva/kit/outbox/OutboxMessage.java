package fi.tilannekuva.kit.outbox;

/**
 * One event to publish: appended to the outbox in the transaction of the change it describes.
 *
 * @param eventId the event's id (the CloudEvents {@code id}), unique
 * @param topic the Kafka topic
 * @param key the record key (the aggregate's id)
 * @param payload the record value, a structured-mode CloudEvent
 */
public record OutboxMessage(String eventId, String topic, String key, String payload) {}
