-- One outbox shape in every service (service-kit's OutboxStore): rows ordered by a sequence, the relay's trace
-- context kept with each row. Rows of the old table move over in the order they were written.
create table outbox (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    traceparent text,
    tracestate  text
);
create index outbox_unsent on outbox (id) where sent_at is null;

insert into outbox (event_id, topic, message_key, payload, created_at, sent_at)
select id, topic, record_key, payload, created_at, sent_at
from outbox_event
order by created_at, id;

drop table outbox_event;
