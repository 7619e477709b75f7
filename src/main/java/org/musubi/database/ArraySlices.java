package org.musubi.database;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Rows passed to PostgreSQL as array parameters (one array per column, unnested by the statement), cut
 * into slices of at most {@value #MAX_BYTES} bytes of values each, one statement per slice.
 *
 * <p>The JDBC driver encodes each array parameter in a buffer that doubles as it grows. A chunk's
 * thousands of rows made arrays of a few hundred kilobytes, so the buffer reached half a G1 region (512 KB
 * with a heap of up to 2 GB): a humongous object, and each one started a concurrent marking cycle (38 in
 * an import of 100 k SS-MIX2 messages, bench/README.md). Slices keep every array far below that.
 */
public final class ArraySlices {

    /** The most bytes of values in one slice (an estimate: see {@link #of}). */
    public static final int MAX_BYTES = 128 * 1024;

    private ArraySlices() {
    }

    /**
     * {@code rows} in order, cut into consecutive slices whose {@code size}s (about the bytes a row's values
     * take, all columns together) add up to at most {@link #MAX_BYTES}; a row larger than that is a slice
     * of its own. No slice is empty; no rows give no slices.
     */
    public static <T> List<List<T>> of(List<T> rows, ToIntFunction<? super T> size) {
        List<List<T>> slices = new ArrayList<>();
        int start = 0;
        long bytes = 0;
        for (int i = 0; i < rows.size(); i++) {
            int row = Math.max(0, size.applyAsInt(rows.get(i)));
            if (i > start && bytes + row > MAX_BYTES) {
                slices.add(rows.subList(start, i));
                start = i;
                bytes = 0;
            }
            bytes += row;
        }
        if (start < rows.size()) {
            slices.add(rows.subList(start, rows.size()));
        }
        return slices;
    }

    /** The bytes a text value takes at most in UTF-8 (3 a character: Japanese text), 0 for null. */
    public static int text(String value) {
        return value == null ? 0 : 3 * value.length();
    }

    /** The bytes of several text values ({@link #text}), each its own column. */
    public static int texts(String... values) {
        int bytes = 0;
        for (String value : values) {
            bytes += text(value);
        }
        return bytes;
    }

    /** The bytes of values joined by a one-byte separator into one array element (a list of ids). */
    public static int joined(List<String> values) {
        int bytes = 0;
        for (String value : values) {
            bytes += text(value) + 1;
        }
        return bytes;
    }
}
