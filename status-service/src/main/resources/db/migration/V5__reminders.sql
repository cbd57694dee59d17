-- The people the ministry keeps per unit for the round reminders, and every reminder claimed for sending: one row per
-- (round, unit, kind), taken before the mail goes, so that no replica and no restart sends one twice.
create table unit_contact (
    region   text not null,
    email    text not null,
    language text not null check (language in ('fi', 'sv', 'en')),
    primary key (region, email)
);

create table round_reminder (
    round_id   text        not null references reporting_round (id),
    region     text        not null,
    kind       text        not null,
    claimed_at timestamptz not null,
    recipients integer     not null,
    failure    text,
    primary key (round_id, region, kind)
);
