-- asOf reads the statuses valid at an instant. Through the validity index (V5) that is ~100 k rows at a million events,
-- scattered over the whole log (a row lives where the update that ended its validity left it): 140–240 ms. A checkpoint
-- is the grid every (unit, subtask) of one roadmap version had at an instant, status and version, deflated; asOf reads
-- the latest checkpoint at or before its instant and the few events recorded between the two (at most the writer's
-- spacing), keeping per key the highest version, so it reads the same as the log alone.
--
-- A checkpoint summarises the log up to `at`: the statement that logs an event recorded at or before it deletes it
-- (StatusRepository), and the writer builds it again. The writer holds the apply lock, so no batch commits between its
-- read and its insert.
--
-- layout fingerprints what the grid's cells mean (the roadmap version, its units and subtasks in order, the statuses
-- in the order of their codes): a checkpoint is read only into a grid of the same layout (StatusGrid.layout).
create table status_checkpoint (
    at              timestamptz primary key,
    roadmap_version integer     not null,
    layout          bigint      not null,
    grid            bytea       not null
);
-- the grid is deflated already: stored as it is, not compressed again
alter table status_checkpoint alter column grid set storage external;
