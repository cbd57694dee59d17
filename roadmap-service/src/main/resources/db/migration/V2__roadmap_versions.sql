-- Published roadmap versions. A version never changes once stored: the triggers below refuse updates and
-- deletes, so "version 3" means the same thing to every consumer forever.

create table roadmap_version (
    version         integer primary key check (version >= 1),
    label           text not null,
    published_at    timestamptz not null,
    -- The whole tree (groups > entities > tasks > subtasks, with ids) as JSON, exactly as it is served and
    -- published; read whole, never queried inside, hence text.
    tree            text not null,
    subtask_count   integer not null,
    critical_count  integer not null
);

-- One row per subtask and version: the flat list, its filters and the diff query these rows.
create table roadmap_subtask (
    row_id         bigint generated always as identity primary key,
    version        integer not null references roadmap_version (version),
    subtask_id     text not null,
    ordinal        integer not null,
    group_code     text not null references preparation_group (code),
    entity_id      text not null,
    task_id        text not null,
    number         text not null,
    name_fi        text not null,
    name_sv        text,
    name_en        text,
    critical       boolean not null,
    schedule_from  date not null,
    schedule_to    date not null,
    -- null = every unit; else the unit codes (the entity's restriction already applied)
    applies_to     text[],
    unique (version, subtask_id),
    unique (version, ordinal),
    check (schedule_from <= schedule_to)
);

create index roadmap_subtask_group on roadmap_subtask (version, group_code);

create function refuse_roadmap_change() returns trigger language plpgsql as $$
begin
    raise exception 'roadmap versions are immutable (% on %)', tg_op, tg_table_name;
end;
$$;

create trigger roadmap_version_immutable before update or delete on roadmap_version
    for each row execute function refuse_roadmap_change();
create trigger roadmap_subtask_immutable before update or delete on roadmap_subtask
    for each row execute function refuse_roadmap_change();

-- Events waiting for (or already given to) Kafka, written in the same transaction as the version.
create table outbox_event (
    id          uuid primary key,
    topic       text not null,
    event_key   text not null,
    payload     text not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    attempts    integer not null default 0,
    last_error  text
);

create index outbox_event_unsent on outbox_event (created_at) where sent_at is null;
