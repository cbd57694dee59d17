package fi.tilannekuva.roadmap.messaging;

import java.time.Instant;

/** A CloudEvents 1.0 envelope in structured mode: the whole Kafka record value. */
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        T data) {

    /** The record header every event carries. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** An envelope with the fixed fields filled in. */
    public static <T> CloudEvent<T> of(String id, String source, String type, String subject, Instant time, T data) {
        return new CloudEvent<>("1.0", id, source, type, subject, time, "application/json", data);
    }
}
