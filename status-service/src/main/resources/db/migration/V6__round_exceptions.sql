-- A unit's exception to a closed round: its reports until `until` still count for that round's completeness. One per
-- (round, unit); granting again moves `until` and is recorded (`granted_at`, `previous_until`).
create table round_exception (
    round_id       text        not null references reporting_round (id),
    region         text        not null,
    until          timestamptz not null,
    reason         text        not null,
    granted_at     timestamptz not null,
    previous_until timestamptz,
    primary key (round_id, region)
);
