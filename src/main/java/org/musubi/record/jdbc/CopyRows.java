package org.musubi.record.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * Rows for one {@code COPY ... FROM STDIN (FORMAT binary)}, PostgreSQL's cheapest way to insert: no
 * statement to parse per row, no array literal to escape in Java and parse again in the server. The
 * rows are copied on the connection of the current transaction, so they commit or roll back with the
 * other statements of the write.
 */
final class CopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** PostgreSQL's timestamps count microseconds from 2000-01-01 UTC. */
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private final String table;
    private final int columns;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
    private final DataOutputStream out = new DataOutputStream(buffer);
    private int rows;

    /** {@code table} with its column list, e.g. {@code resource_token (patient_key, id, ...)}. */
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

    int rows() {
        return rows;
    }

    /** Copies the rows in; returns how many PostgreSQL took. */
    long copy(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            out.writeShort(-1);
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + table + " FROM STDIN (FORMAT binary)", new ByteArrayInputStream(buffer.toByteArray()));
        } catch (SQLException e) {
            DataAccessException translated = new SQLExceptionSubclassTranslator().translate("COPY into " + table, null, e);
            throw translated != null ? translated : new UncategorizedSQLException("COPY into " + table, null, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
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

    @FunctionalInterface
    private interface Output {
        void write() throws IOException;
    }
}
