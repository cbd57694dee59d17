-- The units whose bands are still to be compared with those last published. Marked in the transaction of the
-- projection change that may have moved them; taken (deleted) by the band check that runs in a transaction of its own
-- right after that change committed, so the change is on the screens without waiting for the check, and a check that
-- did not run (a crash, the database away) is still owed: the periodic sweep and the next start run it. '*' stands
-- for every unit (a new roadmap version, the end of a replay).
create table band_check_pending (
    region text primary key
);
