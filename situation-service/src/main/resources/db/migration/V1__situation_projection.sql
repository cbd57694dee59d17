-- The situation picture's projection of roadmap-published and status-changed, and what it publishes.

-- Every roadmap version seen on roadmap-published (the highest is current).
create table roadmap_version (
    version      integer primary key,
    label        text        not null,
    published_at timestamptz not null,
    event_id     text        not null,
    received_at  timestamptz not null default now()
);

-- The subtasks of each version, flattened: only what the picture needs.
create table roadmap_subtask (
    id              bigserial primary key,
    roadmap_version integer not null references roadmap_version (version) on delete cascade,
    subtask_id      text    not null,
    group_code      text    not null,
    name            text    not null, -- JSON {"fi": …, "sv": …, "en": …}
    critical        boolean not null,
    schedule_from   date,
    schedule_to     date,
    applies_to      text,             -- null = every unit, else comma-separated region codes
    position        integer not null, -- order in the roadmap document
    unique (roadmap_version, subtask_id)
);

-- The reporting units listed by each version.
create table roadmap_region (
    id              bigserial primary key,
    roadmap_version integer not null references roadmap_version (version) on delete cascade,
    code            text    not null,
    name            text    not null, -- JSON
    kind            text    not null,
    uusimaa         boolean not null,
    unique (roadmap_version, code)
);

-- Current status per (unit, subtask): the applied event with the highest version.
create table status_current (
    id              bigserial primary key,
    region          text        not null,
    subtask         text        not null,
    version         bigint      not null,
    status          text        not null,
    comment         text,
    support_needed  boolean     not null,
    reported_at     timestamptz not null,
    recorded_at     timestamptz not null,
    roadmap_version integer,
    event_id        text        not null,
    unique (region, subtask)
);

-- Append-only log of every distinct status event (one row per (unit, subtask, version)), for asOf.
create table status_event (
    id              bigserial primary key,
    event_id        text        not null,
    region          text        not null,
    subtask         text        not null,
    version         bigint      not null,
    status          text        not null,
    previous_status text,
    comment         text,
    support_needed  boolean     not null,
    reported_at     timestamptz not null,
    recorded_at     timestamptz not null,
    roadmap_version integer,
    applied_at      timestamptz not null default now(),
    unique (region, subtask, version)
);
create index status_event_recorded_at on status_event (recorded_at);

-- The next offset to read per topic partition, written in the same transaction as the projection change:
-- the consumer seeks here on assignment, so a restart resumes exactly where the database is.
create table consumed_offset (
    id          text primary key, -- "<topic>/<partition>"
    topic       text    not null,
    partition   integer not null,
    next_offset bigint  not null
);

-- Records that could not be read (not CloudEvents JSON, missing fields): kept for inspection, then skipped.
create table rejected_event (
    id          bigserial primary key,
    topic       text        not null,
    partition   integer     not null,
    record_offset bigint    not null,
    reason      text        not null,
    payload     text,
    rejected_at timestamptz not null default now()
);

-- The last band published per unit × group × measure, to detect a move to another band.
create table band_state (
    id         text primary key, -- "<region>/<group>/<measure>"
    region     text        not null,
    group_code text        not null,
    measure    text        not null,
    band       text,
    percent    integer,
    changed_at timestamptz not null
);

-- Events to publish, written in the same transaction as the change they describe; the relay sends them.
create table outbox_event (
    id         uuid primary key,
    topic      text        not null,
    record_key text        not null,
    payload    text        not null,
    created_at timestamptz not null,
    sent_at    timestamptz
);
create index outbox_event_unsent on outbox_event (created_at) where sent_at is null;

-- Frozen reporting rounds: the computed pictures are stored and never recomputed.
create table snapshot (
    id           text primary key,
    name         text        not null,
    window_from  date        not null,
    window_to    date        not null,
    deadline     date        not null,
    at           timestamptz not null,
    created_at   timestamptz not null,
    progress     text        not null, -- the JSON body of the progress view
    readiness    text        not null  -- the JSON body of the readiness view
);
