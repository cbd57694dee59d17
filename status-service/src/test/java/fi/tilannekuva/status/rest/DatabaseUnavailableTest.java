package fi.tilannekuva.status.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures answer 503 (retry later) rather than 500: the shapes seen when PostgreSQL restarts. */
class DatabaseUnavailableTest {

    @Test
    void aCommitCutByARestartIsUnavailableThoughTheDriverErrorIsOnlySuppressed() {
        // the shape Narayana gives when the connection dies during commit (ARJUNA016053)
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));

        assertTrue(ProblemMappers.isDatabaseUnavailable(new IllegalStateException("commit failed", commit)));
    }

    @Test
    void aConnectionExceptionInTheCauseChainIsUnavailable() {
        SQLException refused = new SQLException("Connection refused", "08001");

        assertTrue(ProblemMappers.isDatabaseUnavailable(new RuntimeException(new RuntimeException(refused))));
    }

    @Test
    void aConstraintViolationIsNotUnavailableWhereverItSits() {
        RuntimeException failure = new RuntimeException("insert failed");
        failure.addSuppressed(new SQLException("duplicate key value", "23505"));

        assertFalse(ProblemMappers.isDatabaseUnavailable(failure));
    }

    @Test
    void aSelfSuppressingLoopEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);

        assertFalse(ProblemMappers.isDatabaseUnavailable(a));
    }
}
