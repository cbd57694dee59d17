package fi.tilannekuva.benchmarks;

import fi.tilannekuva.local.LocalInfra;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * PostgreSQL's own account of where its time went: {@code pg_stat_statements} (preloaded at the benchmark's start),
 * reset before the first run, read after the last one.
 */
final class Statements {

    private final LocalInfra infra;

    Statements(LocalInfra infra) {
        this.infra = infra;
    }

    /** Loads the module into the server (a restart) and creates the view. */
    void enable() throws Exception {
        infra.postgres().alterSystem("shared_preload_libraries", "pg_stat_statements");
        infra.postgres().stop();
        infra.postgres().start();
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
        }
    }

    /** Forgets everything counted so far (the start-up's statements). */
    void reset() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /** The statements that took the most execution time in all, as a table. */
    String top(int limit) throws SQLException {
        StringBuilder out = new StringBuilder(
                "| database | calls | total ms | mean ms | rows | statement |\n|---|---|---|---|---|---|\n");
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select d.datname, s.calls, s.total_exec_time,"
                        + " s.mean_exec_time, s.rows, regexp_replace(s.query, '\\s+', ' ', 'g')"
                        + " from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                        + " order by s.total_exec_time desc limit " + limit)) {
            while (rows.next()) {
                String query = rows.getString(6).replace("|", "\\|");
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.0f | %.3f | %d | `%s` |%n",
                        rows.getString(1),
                        rows.getLong(2),
                        rows.getDouble(3),
                        rows.getDouble(4),
                        rows.getLong(5),
                        query.length() > 140 ? query.substring(0, 140) + "…" : query));
            }
        }
        return out.toString();
    }

    private Connection connect() throws SQLException {
        return infra.postgres().superuser();
    }
}
