package org.musubi.record.jdbc;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * Rows for one {@code COPY ... FROM STDIN (FORMAT binary)}, PostgreSQL's cheapest way to insert: no
 * statement to parse per row, no array literal to escape in Java and parse again in the server. The
 * rows are copied on the connection of the current transaction, so they commit or roll back with the
 * other statements of the write. The rows are kept in blocks of 64 KiB and sent block by block: a chunk's
 * documents are megabytes, and one growing array would be copied at each doubling and again to be sent,
 * each copy a humongous allocation for the collector.
 */
final class CopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** PostgreSQL's timestamps count microseconds from 2000-01-01 UTC. */
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    /** Type oids of array elements: bigint, text and timestamptz. */
    private static final int INT8 = 20;
    private static final int TEXT = 25;
    private static final int TIMESTAMPTZ = 1184;

    private final String table;
    private final int columns;
    private final Blocks buffer = new Blocks();
    private final DataOutputStream out = new DataOutputStream(buffer);
    private int rows;

    /** {@code table} with its column list, e.g. {@code resource (patient_key, id, ...)}. */
    CopyRows(String table, int columns) {
        this.table = table;
        this.columns = columns;
        try {
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CopyRows row() {
        rows++;
        return write(() -> out.writeShort(columns));
    }

    CopyRows bigint(Long value) {
        return value == null ? nul() : write(() -> {
            out.writeInt(8);
            out.writeLong(value);
        });
    }

    CopyRows integer(int value) {
        return write(() -> {
            out.writeInt(4);
            out.writeInt(value);
        });
    }

    CopyRows text(String value) {
        return value == null ? nul() : bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Text already encoded as UTF-8, or a bytea value. */
    CopyRows bytes(byte[] value) {
        return value == null ? nul() : write(() -> {
            out.writeInt(value.length);
            out.write(value);
        });
    }

    /** A timestamptz; the instant must not be finer than a microsecond (the caller truncates). */
    CopyRows timestamp(Instant value) {
        return value == null ? nul() : write(() -> {
            out.writeInt(8);
            out.writeLong(ChronoUnit.MICROS.between(POSTGRES_EPOCH, value));
        });
    }

    /** A bigint[] (one dimension; empty when there are none). */
    CopyRows bigints(long[] values) {
        return write(() -> {
            out.writeInt(values.length == 0 ? 12 : 20 + values.length * 12);
            arrayHeader(values.length, false, INT8);
            for (long value : values) {
                out.writeInt(8);
                out.writeLong(value);
            }
        });
    }

    /** A text[] (one dimension), or NULL for {@code null}. */
    CopyRows texts(List<String> values) {
        if (values == null) {
            return nul();
        }
        List<byte[]> encoded = values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
        return write(() -> {
            int size = values.isEmpty() ? 12 : 20;
            for (byte[] value : encoded) {
                size += 4 + value.length;
            }
            out.writeInt(size);
            arrayHeader(encoded.size(), false, TEXT);
            for (byte[] value : encoded) {
                out.writeInt(value.length);
                out.write(value);
            }
        });
    }

    /** A timestamptz[] (one dimension; empty when there are none), elements as in {@link #timestamp}, {@code null} allowed. */
    CopyRows timestamps(List<Instant> values) {
        return write(() -> {
            boolean nulls = false;
            int size = values.isEmpty() ? 12 : 20;
            for (Instant value : values) {
                nulls |= value == null;
                size += value == null ? 4 : 12;
            }
            out.writeInt(size);
            arrayHeader(values.size(), nulls, TIMESTAMPTZ);
            for (Instant value : values) {
                if (value == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(8);
                    out.writeLong(ChronoUnit.MICROS.between(POSTGRES_EPOCH, value));
                }
            }
        });
    }

    /** PostgreSQL's binary array header: dimensions, whether any element is null, element type, then length and lower bound. */
    private void arrayHeader(int length, boolean nulls, int elementType) throws IOException {
        out.writeInt(length == 0 ? 0 : 1);
        out.writeInt(nulls ? 1 : 0);
        out.writeInt(elementType);
        if (length > 0) {
            out.writeInt(length);
            out.writeInt(1);
        }
    }

    int rows() {
        return rows;
    }

    /** Copies the rows in; returns how many PostgreSQL took. */
    long copy(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copyIn = null;
        try {
            out.writeShort(-1);
            copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN (FORMAT binary)");
            for (int i = 0; i < buffer.blocks.size(); i++) {
                copyIn.writeToCopy(buffer.blocks.get(i), 0, i == buffer.blocks.size() - 1 ? buffer.used : Blocks.SIZE);
            }
            long copied = copyIn.endCopy();
            copyIn = null;
            return copied;
        } catch (SQLException e) {
            DataAccessException translated = new SQLExceptionSubclassTranslator().translate("COPY into " + table, null, e);
            throw translated != null ? translated : new UncategorizedSQLException("COPY into " + table, null, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            cancel(copyIn);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Ends a copy that failed half-way, so the connection can report the error and roll back. */
    private static void cancel(CopyIn copyIn) {
        if (copyIn != null && copyIn.isActive()) {
            try {
                copyIn.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction fails anyway; the first error is the one thrown
            }
        }
    }

    private CopyRows nul() {
        return write(() -> out.writeInt(-1));
    }

    private CopyRows write(Output output) {
        try {
            output.write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Bytes in blocks of {@link #SIZE}: the last one is filled to {@code used}. */
    private static final class Blocks extends OutputStream {
        static final int SIZE = 1 << 16;
        final List<byte[]> blocks = new ArrayList<>();
        int used = SIZE;

        @Override
        public void write(int b) {
            if (used == SIZE) {
                next();
            }
            blocks.getLast()[used++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (used == SIZE) {
                    next();
                }
                int n = Math.min(length, SIZE - used);
                System.arraycopy(bytes, offset, blocks.getLast(), used, n);
                used += n;
                offset += n;
                length -= n;
            }
        }

        private void next() {
            blocks.add(new byte[SIZE]);
            used = 0;
        }
    }

    @FunctionalInterface
    private interface Output {
        void write() throws IOException;
    }
}
