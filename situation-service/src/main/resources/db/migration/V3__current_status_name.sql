-- One name per concept (README glossary): the current record of a (unit, subtask) is current_status in every service.
alter table status_current rename to current_status;
