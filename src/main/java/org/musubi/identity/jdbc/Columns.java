package org.musubi.identity.jdbc;

import java.util.Collection;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/** One column of many rows as a JDBC array parameter, for statements that {@code unnest} them. */
final class Columns {

    private Columns() {
    }

    static <T> String[] texts(Collection<T> rows, Function<T, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    static <T> Long[] longs(Collection<T> rows, ToLongFunction<T> column) {
        return rows.stream().map(row -> column.applyAsLong(row)).toArray(Long[]::new);
    }

    static <T> Double[] doubles(Collection<T> rows, ToDoubleFunction<T> column) {
        return rows.stream().map(row -> column.applyAsDouble(row)).toArray(Double[]::new);
    }
}
