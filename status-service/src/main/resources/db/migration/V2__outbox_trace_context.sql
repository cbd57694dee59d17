-- The W3C trace context of the request that wrote each event, so that the relay can publish the event inside the
-- report's trace however long after the commit it runs (null when tracing is off).
alter table outbox add column traceparent text;
alter table outbox add column tracestate text;
