-- The roadmap versions this service has consumed from roadmap-published (its own copy: no synchronous call).
create table roadmap_version (
    version      integer primary key,
    label        text        not null,
    published_at timestamptz,
    event_id     text,
    received_at  timestamptz not null default now()
);

create table roadmap_region (
    version  integer not null references roadmap_version (version),
    code     text    not null,
    name_fi  text    not null,
    kind     text,
    uusimaa  boolean not null default false,
    primary key (version, code)
);

create table roadmap_subtask (
    version       integer not null references roadmap_version (version),
    subtask_id    text    not null,
    group_code    text    not null,
    entity_id     text    not null,
    task_id       text    not null,
    number        text    not null,
    name_fi       text    not null,
    critical      boolean not null,
    schedule_from date,
    schedule_to   date,
    -- null: the subtask applies to every unit; else the unit codes it applies to
    applies_to    text[],
    primary key (version, subtask_id)
);

-- Every report item ever received, append-only. The id is the receiving order: on equal reported_at the
-- item with the higher id (received last) is the current one.
create table report (
    id              bigserial primary key,
    region          text        not null,
    subtask         text        not null,
    roadmap_version integer     not null,
    status          text        not null,
    comment         text,
    support_needed  boolean     not null,
    reported_at     timestamptz not null,
    received_at     timestamptz not null
);
create index report_by_subtask on report (region, subtask, id);

-- The current record of each (unit, subtask): the item with the latest reported_at; version counts its changes.
create table current_status (
    region          text        not null,
    subtask         text        not null,
    group_code      text        not null,
    report_id       bigint      not null references report (id),
    roadmap_version integer     not null,
    status          text        not null,
    comment         text,
    support_needed  boolean     not null,
    reported_at     timestamptz not null,
    recorded_at     timestamptz not null,
    version         integer     not null,
    primary key (region, subtask)
);
create index current_status_support on current_status (region, subtask) where support_needed;

-- Events written in the same transaction as the change they describe; the relay publishes them in id order.
create table outbox (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null,
    created_at  timestamptz not null,
    sent_at     timestamptz
);
create index outbox_unsent on outbox (id) where sent_at is null;

-- The first answer to each Idempotency-Key of a unit, replayed on a retry.
create table idempotency_record (
    region          text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    response_status integer     not null,
    response_body   text        not null,
    created_at      timestamptz not null,
    primary key (region, idempotency_key)
);
