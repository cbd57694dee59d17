package fi.tilannekuva.kit.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Rows bound as one PostgreSQL array per column, for a statement that stores a whole batch in one go ({@code
 * unnest(?::text[], ?::bigint[], …) with ordinality}): each column says its array type and how a row gives its value,
 * once, and {@link #bind} fills the parameters in that order. Instants go as ISO-8601 text, cast by the statement.
 *
 * @param <T> the row type
 */
public final class ArrayColumns<T> {

    private record Column<T>(String type, IntFunction<Object[]> array, Function<T, ?> value) {}

    private final List<Column<T>> columns = new ArrayList<>();

    /** A text column. */
    public ArrayColumns<T> text(Function<T, String> value) {
        return add("text", String[]::new, value);
    }

    /** A bigint column. */
    public ArrayColumns<T> int8(Function<T, Long> value) {
        return add("int8", Long[]::new, value);
    }

    /** An integer column. */
    public ArrayColumns<T> int4(Function<T, Integer> value) {
        return add("int4", Integer[]::new, value);
    }

    /** A boolean column. */
    public ArrayColumns<T> bool(Function<T, Boolean> value) {
        return add("bool", Boolean[]::new, value);
    }

    /** An instant, as ISO-8601 text ({@code ::timestamptz} in the statement); null stays null. */
    public ArrayColumns<T> instant(Function<T, Instant> value) {
        return add("text", String[]::new, row -> {
            Instant instant = value.apply(row);
            return instant == null ? null : instant.toString();
        });
    }

    private ArrayColumns<T> add(String type, IntFunction<Object[]> array, Function<T, ?> value) {
        columns.add(new Column<>(type, array, value));
        return this;
    }

    /**
     * Binds each column's values, in the rows' order, as the parameters from {@code first} on.
     *
     * @return the index of the next parameter
     */
    public int bind(PreparedStatement statement, int first, List<T> rows) throws SQLException {
        Connection connection = statement.getConnection();
        int index = first;
        for (Column<T> column : columns) {
            Object[] values = column.array().apply(rows.size());
            for (int i = 0; i < values.length; i++) {
                values[i] = column.value().apply(rows.get(i));
            }
            statement.setArray(index++, connection.createArrayOf(column.type(), values));
        }
        return index;
    }
}
