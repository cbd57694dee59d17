-- status-service keeps of each roadmap subtask what it uses: its id, group, Finnish name, criticality, schedule and
-- units (validation, the current-status answers). The task entity, task and number were stored and never read; the
-- roadmap itself stays roadmap-service's.
alter table roadmap_subtask
    drop column entity_id,
    drop column task_id,
    drop column number;
