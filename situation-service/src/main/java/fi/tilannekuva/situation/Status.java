package fi.tilannekuva.situation;

/** A unit's status of one subtask, as status-service reports it. */
public enum Status {
    NOT_STARTED,
    IN_PROGRESS,
    ON_SCHEDULE,
    DELAYED,
    DONE;

    /** Progress counts a subtask as started when it is in progress, completing on schedule, delayed or done. */
    public boolean started() {
        return this != NOT_STARTED;
    }

    /** Readiness counts as "in progress" what is started but not done. */
    public boolean inProgress() {
        return this == IN_PROGRESS || this == ON_SCHEDULE || this == DELAYED;
    }
}
