package fi.tilannekuva.status.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured mode: the whole Kafka record value.
 *
 * @param <T> the type of {@code data}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        T data) {

    /** The CloudEvents version of every event here. */
    public static final String SPEC_VERSION = "1.0";

    /** The record header content type of a structured-mode event. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** An envelope with the fixed fields filled in. */
    public static <T> CloudEvent<T> of(String id, String source, String type, String subject, Instant time, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, source, type, subject, time, "application/json", data);
    }
}
