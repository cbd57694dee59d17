package fi.tilannekuva.kit.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures answer 503 (retry later) rather than 500: the shapes seen when PostgreSQL restarts. */
class DatabaseDownTest {

    @Test
    void aCommitCutByARestartIsDownThoughTheDriverErrorIsOnlySuppressed() {
        // the shape Narayana gives when the connection dies during commit (ARJUNA016053)
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));

        assertTrue(DatabaseDown.causes(new IllegalStateException("commit failed", commit)));
    }

    @Test
    void aPoolThatCannotGetAConnectionIsDown() {
        assertTrue(DatabaseDown.causes(new RuntimeException(new SQLException("Acquisition timeout while waiting"))));
    }

    @Test
    void aConnectionExceptionInTheCauseChainIsDown() {
        SQLException refused = new SQLException("Connection refused", "08001");

        assertTrue(DatabaseDown.causes(new RuntimeException(new RuntimeException(refused))));
    }

    @Test
    void aConstraintViolationIsNotDownWhereverItSits() {
        RuntimeException failure = new RuntimeException("insert failed");
        failure.addSuppressed(new SQLException("duplicate key value", "23505"));

        assertFalse(DatabaseDown.causes(failure));
    }

    @Test
    void aSelfSuppressingLoopEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);

        assertFalse(DatabaseDown.causes(a));
    }
}
