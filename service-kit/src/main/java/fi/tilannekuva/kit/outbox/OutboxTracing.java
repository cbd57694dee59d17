package fi.tilannekuva.kit.outbox;

import fi.tilannekuva.kit.outbox.OutboxStore.PendingEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a request's trace through the outbox: the request's W3C trace context is stored with each event row, and the
 * relay publishes the row in a producer span of that trace whose context goes into the Kafka record's headers. With
 * tracing off (the default) the context is empty and the spans are no-ops.
 */
@ApplicationScoped
public class OutboxTracing {

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    private static final TextMapGetter<PendingEvent> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(PendingEvent row) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(PendingEvent row, String key) {
            if (row == null) {
                return null;
            }
            return switch (key) {
                case TRACEPARENT -> row.traceparent();
                case TRACESTATE -> row.tracestate();
                default -> null;
            };
        }
    };

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    Tracer tracer;

    /** The trace context of the current span (the request that writes events), to store with its events. */
    public TraceContext current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /** Starts the producer span of one event, a child of the request that wrote it (a new trace if none was stored). */
    public Span startPublish(PendingEvent row) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), row, STORED);
        return tracer.spanBuilder(row.topic() + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", row.topic())
                .setAttribute("messaging.kafka.message.key", row.key())
                .setAttribute("tilannekuva.outbox.id", row.id())
                .startSpan();
    }

    /** Puts the span's context into the record's headers (the propagators configured, W3C by default). */
    public void inject(Span span, Headers headers) {
        openTelemetry
                .getPropagators()
                .getTextMapPropagator()
                .inject(Context.root().with(span), headers, (h, key, value) -> h.remove(key)
                        .add(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Ends a producer span whose event the broker did not acknowledge. */
    public static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, "not acknowledged by the broker");
        span.end();
    }
}
