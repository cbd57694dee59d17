package fi.tilannekuva.status;

import java.util.Arrays;
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
}
