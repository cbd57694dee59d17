package fi.tilannekuva.situation.projection.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Continues the trace of each consumed event: one consumer span per record, a child of the producer span whose context
 * status-service's outbox relay put in the record's headers, lasting until the projection committed the batch. With
 * tracing off (the default) the spans are no-ops.
 */
@ApplicationScoped
public class EventTracing {

    private static final TextMapGetter<ConsumerRecord<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<String, String> record) {
            return StreamSupport.stream(record.headers().spliterator(), false)
                    .map(Header::key)
                    .toList();
        }

        @Override
        public String get(ConsumerRecord<String, String> record, String key) {
            if (record == null) {
                return null;
            }
            Header header = record.headers().lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    Tracer tracer;

    /** Starts the processing span of every record, in the trace each record's headers carry. */
    public List<Span> startProcessing(Iterable<ConsumerRecord<String, String>> records) {
        List<Span> spans = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Context parent =
                    openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), record, HEADERS);
            spans.add(tracer.spanBuilder(record.topic() + " process")
                    .setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation.type", "process")
                    .setAttribute("messaging.destination.name", record.topic())
                    .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                    .setAttribute("messaging.kafka.offset", record.offset())
                    .setAttribute("messaging.kafka.message.key", record.key() == null ? "" : record.key())
                    .startSpan());
        }
        return spans;
    }

    /** Ends the spans once the batch was applied and committed. */
    public static void applied(List<Span> spans) {
        spans.forEach(Span::end);
    }

    /** Ends the spans of a batch that could not be applied. */
    public static void failed(List<Span> spans, Throwable failure) {
        for (Span span : spans) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, "not applied");
            span.end();
        }
    }
}
