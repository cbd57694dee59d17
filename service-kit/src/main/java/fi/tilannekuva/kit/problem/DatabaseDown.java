package fi.tilannekuva.kit.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/** Recognises a failure caused by an unreachable database, which is a 503 to retry rather than a 500. */
public final class DatabaseDown {

    /** Seconds a client should wait before retrying (a PostgreSQL restart takes about that long). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseDown() {}

    /**
     * Whether the failure, any of its causes or any exception suppressed along them is a lost or impossible database
     * connection. A commit cut by a restart ends in a RollbackException that carries the driver's 57P01 as a
     * suppressed exception, not as a cause.
     */
    public static boolean causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (isConnectionFailure(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
            return true;
        }
        // SQLSTATE class 08: connection exception; 57P01-57P03: the server shuts down or is starting up
        if (t instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
            return true;
        }
        // Hibernate's and Agroal's words for a pool that cannot get a connection
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("unable to acquire jdbc connection") || message.contains("acquisition timeout");
    }
}
