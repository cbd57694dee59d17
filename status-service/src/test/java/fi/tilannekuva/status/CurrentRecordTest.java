package fi.tilannekuva.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which item is the current record of a (unit, subtask), and how its version moves. */
class CurrentRecordTest {

    private static final Instant OCTOBER = Instant.parse("2021-10-15T09:00:00Z");
    private static final Instant SEPTEMBER = Instant.parse("2021-09-15T09:00:00Z");

    @Test
    void theFirstItemBecomesCurrentAtVersionOne() {
        assertTrue(CurrentRecord.replaces(null, SEPTEMBER));
        assertEquals(1, CurrentRecord.nextVersion(null));
    }

    @Test
    void aLaterReportedItemReplacesTheCurrentOneWithTheNextVersion() {
        assertTrue(CurrentRecord.replaces(SEPTEMBER, OCTOBER));
        assertEquals(3, CurrentRecord.nextVersion(2));
    }

    @Test
    void anOlderItemReceivedLaterChangesNothing() {
        assertFalse(CurrentRecord.replaces(OCTOBER, SEPTEMBER));
    }

    @Test
    void onATieTheItemReceivedLastWins() {
        assertTrue(CurrentRecord.replaces(OCTOBER, OCTOBER));
    }
}
