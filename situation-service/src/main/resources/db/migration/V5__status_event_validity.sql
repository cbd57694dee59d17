-- asOf in a time that does not grow with the history: each logged event knows until when it was its (unit,
-- subtask)'s status. superseded_at is the earliest recorded_at among the same key's higher versions (null while none
-- is logged), so the event answering asOf t is the one with recorded_at <= t < superseded_at: exactly "the highest
-- version recorded by t", also when an older version arrives late or recorded_at does not grow with the version.
alter table status_event add column superseded_at timestamptz;

update status_event e
set superseded_at = later.next_recorded_at
from (select id,
             min(recorded_at) over (partition by region, subtask order by version desc
                                    rows between unbounded preceding and 1 preceding) as next_recorded_at
      from status_event) later
where later.id = e.id
  and later.next_recorded_at is not null;

-- The validity interval, empty when a higher version was recorded first; StatusRepository's asOf query repeats this
-- expression word for word, so that the planner uses the index.
create index status_event_valid on status_event using gist (
    tstzrange(recorded_at,
              case when superseded_at is null then null else greatest(recorded_at, superseded_at) end,
              '[)'));
