package fi.tilannekuva.situation.picture.model;

import fi.tilannekuva.kit.reform.Status;
import java.time.Instant;
import java.util.function.IntFunction;

/**
 * What progress and readiness are counted from: a roadmap version, which units have reported, and each unit's status
 * of each of the version's subtasks. A {@link Picture} is one (whole records, for the views that show comments and
 * instants); a {@link StatusGrid} is another (statuses only, for the counted views as of an instant).
 */
public interface Countable {

    /** The roadmap version counted against; null when none has been seen (yet, or as of the instant asked). */
    Roadmap roadmap();

    /** Whether the unit has reported anything (any subtask, any version). */
    boolean reported(String region);

    /** recordedAt of the newest status event counted, null if none. */
    Instant newestEventAt();

    /**
     * The unit's statuses by the position of the subtask in {@code roadmap().subtasks()}: the status at that position,
     * or null where the unit has not reported that subtask. Only called when the roadmap is not null.
     */
    IntFunction<Status> statusesOf(String region);
}
