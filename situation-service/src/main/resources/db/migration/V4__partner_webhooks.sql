-- Partners' subscriptions (the partners/ feature): every event of the public topics in one journal, numbered in
-- commit order, each subscription's cursor into it, and every delivery attempt.

-- The journal: one row per event, in the order the rows were committed (JournalRepository takes a transaction lock
-- before it numbers rows, so a reader never sees position n+1 before n). The body is the event as published;
-- what a partner without a grant may not see is removed when it is delivered or read.
create table partner_event (
    position    bigserial primary key,
    event_id    text        not null unique,
    type        text        not null,
    region      text,
    grp         text,
    time        timestamptz not null,
    recorded_at timestamptz not null,
    body        text        not null
);
create index partner_event_time on partner_event (time);

create table partner_subscription (
    id                    uuid primary key,
    partner               text        not null,
    description           text,
    url                   text,
    types                 text[]      not null,
    units                 text[]      not null,
    groups                text[]      not null,
    confidential          boolean     not null,
    state                 text        not null,
    state_reason          text,
    state_changed_at      timestamptz not null,
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    -- every matching event up to this position was delivered (or skipped by a replay's filter)
    delivered_position    bigint      not null,
    -- a replay since an instant: up to replay_until, only events at or after replay_since are delivered again
    replay_until          bigint,
    replay_since          timestamptz,
    failures              integer     not null,
    next_attempt_at       timestamptz,
    lease_owner           text,
    lease_until           timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index partner_subscription_partner on partner_subscription (partner);

create table partner_delivery_attempt (
    id              bigserial primary key,
    subscription_id uuid        not null references partner_subscription (id) on delete cascade,
    position        bigint      not null,
    event_id        text        not null,
    attempt         integer     not null,
    kind            text        not null,
    attempted_at    timestamptz not null,
    status          integer,
    latency_ms      integer     not null,
    error           text,
    next_retry_at   timestamptz
);
create index partner_delivery_attempt_subscription on partner_delivery_attempt (subscription_id, id desc);

-- One event asked for again, delivered once more ahead of the subscription's cursor.
create table partner_redelivery (
    id              bigserial primary key,
    subscription_id uuid        not null references partner_subscription (id) on delete cascade,
    position        bigint      not null,
    requested_at    timestamptz not null
);
create index partner_redelivery_subscription on partner_redelivery (subscription_id, id);
