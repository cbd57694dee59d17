package fi.tilannekuva.situation.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.hibernate.exception.JDBCConnectionException;

/** Recognises a failure caused by an unreachable database, which is a 503 to retry rather than a 500. */
final class DatabaseDown {

    /** Seconds a client should wait before retrying. */
    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseDown() {}

    /** Whether the failure, or any of its causes, is a lost or impossible database connection. */
    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                if (sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08")
                                || sql.getSQLState().startsWith("57P"))) {
                    return true;
                }
                // Agroal's pool gives up waiting for a connection with a plain SQLException
                String message =
                        sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The answer with a Retry-After header added. */
    static Response answer(Response problem) {
        return Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
