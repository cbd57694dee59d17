-- The round calendar (issue 13): each monthly reporting round with the window and deadline it is judged on and the
-- three instants that make it. Rounds never overlap while planned: the exclusion constraint is the guarantee when two
-- admins plan at once. The *_announced_at columns record that a round's event was written to the outbox, so that
-- each is written once, whatever the number of replicas or restarts.
create table reporting_round (
    id                    text primary key,
    name                  text        not null,
    window_from           date        not null,
    window_to             date        not null,
    deadline              date        not null,
    opens_at              timestamptz not null,
    due_at                timestamptz not null,
    closes_at             timestamptz not null,
    cancelled_at          timestamptz,
    opened_announced_at   timestamptz,
    due_soon_announced_at timestamptz,
    closed_announced_at   timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    constraint reporting_round_order check (opens_at < due_at and due_at <= closes_at),
    constraint reporting_round_window check (window_from <= window_to),
    constraint reporting_round_no_overlap exclude using gist (tstzrange(opens_at, closes_at) with &&)
        where (cancelled_at is null)
);

-- A unit's "unchanged" for a subtask in a round: it covers the subtask for the round as a report does, without
-- resending its text. One row per (round, unit, subtask): confirming again changes nothing.
create table round_confirmation (
    round_id     text        not null references reporting_round (id),
    region       text        not null,
    subtask      text        not null,
    confirmed_at timestamptz not null,
    primary key (round_id, region, subtask)
);
