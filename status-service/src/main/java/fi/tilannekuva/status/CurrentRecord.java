package fi.tilannekuva.status;

import java.time.Instant;

/**
 * The rule that picks the current record of a (unit, subtask): the item with the latest {@code reportedAt}, on a
 * tie the one received last.
 */
public final class CurrentRecord {

    private CurrentRecord() {}

    /**
     * Whether an item received now replaces the current record.
     *
     * @param currentReportedAt when the current record was reported, or null when there is none yet
     * @param candidateReportedAt when the newly received item was reported
     * @return true when the new item becomes current: it was received after the current one, so it wins unless it
     *     was reported strictly earlier
     */
    public static boolean replaces(Instant currentReportedAt, Instant candidateReportedAt) {
        return currentReportedAt == null || !candidateReportedAt.isBefore(currentReportedAt);
    }

    /** The version the current record gets when it changes: 1 for the first record, then one more each time. */
    public static int nextVersion(Integer currentVersion) {
        return currentVersion == null ? 1 : currentVersion + 1;
    }
}
