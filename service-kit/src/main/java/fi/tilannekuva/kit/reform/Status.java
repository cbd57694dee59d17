package fi.tilannekuva.kit.reform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The status a unit reports for a subtask. */
public enum Status {
    NOT_STARTED,
    IN_PROGRESS,
    /** In progress and will complete on schedule. */
    ON_SCHEDULE,
    /** In progress and will not complete on schedule. */
    DELAYED,
    DONE;

    /** The status named exactly {@code name}, if any. */
    public static Optional<Status> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every status code, in the contract's order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Status::name).toList();
    }

    /** Progress counts a subtask as started when it is in progress, completing on schedule, delayed or done. */
    public boolean started() {
        return this != NOT_STARTED;
    }

    /** Readiness counts as "in progress" what is started but not done. */
    public boolean inProgress() {
        return this == IN_PROGRESS || this == ON_SCHEDULE || this == DELAYED;
    }
}
