package fi.tilannekuva.kit.outbox;

/** A W3C trace context stored with an outbox row (null fields when there is none). */
public record TraceContext(String traceparent, String tracestate) {}
