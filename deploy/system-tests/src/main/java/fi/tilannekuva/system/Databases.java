package fi.tilannekuva.system;

import fi.tilannekuva.local.LocalInfra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Direct JDBC reads of the services' own databases: the ground truth the tests recount from. */
public final class Databases {

    private final LocalInfra infra;

    /** @param infra the PostgreSQL the services use */
    public Databases(LocalInfra infra) {
        this.infra = infra;
    }

    /** A connection to a service database with the service's own login. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(infra.jdbcUrl(database), database, database);
    }

    /** status-service's current statuses: unit → subtask → status (table {@code current_status}). */
    public Map<String, Map<String, String>> currentStatuses() {
        Map<String, Map<String, String>> statuses = new HashMap<>();
        try (Connection connection = connect("status");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select region, subtask, status from current_status")) {
            while (rows.next()) {
                statuses.computeIfAbsent(rows.getString(1), r -> new HashMap<>())
                        .put(rows.getString(2), rows.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read status-service's current_status", e);
        }
        return statuses;
    }

    /**
     * How many items of one report status-service keeps in its history: the items of a unit with one
     * {@code reportedAt} (table {@code report}).
     */
    public long storedItems(String unit, java.time.Instant reportedAt) {
        try (Connection connection = connect("status");
                java.sql.PreparedStatement query = connection.prepareStatement(
                        "select count(*) from report where region = ? and reported_at = ?")) {
            query.setString(1, unit);
            query.setTimestamp(2, java.sql.Timestamp.from(reportedAt));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the stored items of " + unit, e);
        }
    }

    /** A single number from a query on a service database. */
    public long count(String database, String query) {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + query, e);
        }
    }

    /** The row counts of some tables of a service database. */
    public Map<String, Long> rowCounts(String database, List<String> tables) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + database + " " + tables, e);
        }
        return counts;
    }

    /**
     * The row count of every table of a service database (Flyway's history aside): "nothing stored" means this
     * map is the same before and after.
     */
    public Map<String, Long> rowCounts(String database) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + database, e);
        }
        return counts;
    }
}
