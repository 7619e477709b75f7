package org.musubi.backup.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.musubi.backup.BackupDatabase;
import org.musubi.backup.BackupRefused;
import org.musubi.backup.Manifest;
import org.musubi.backup.TableLayout;

/**
 * A restore's one transaction. COPY FROM writes the backed-up values into identity columns as they are;
 * the audit trail's triggers refuse only UPDATE, DELETE and TRUNCATE, so its rows go in unchanged.
 */
final class JdbcLoad implements BackupDatabase.Load {

    /**
     * Rows the migrations themselves insert, and how they look before any use: V3's genesis chain head, V22's id
     * key (any: a database with no other rows has derived no id with it) and V31's health-notebook facility — and
     * the shipped pathway templates the application stores at its first start (version 1 by nobody, issue 44), and V73's
     * syndromes of the infection surveillance (issue 48: edited in no screen, so any row is the migration's), and
     * the secret key's fingerprint a server records at its first start (V86, issue 66: the archive's own comes in, so
     * a server started on the restored database with another key than the backed-up network's refuses to start). The
     * archive's rows replace them, so the restored installation keeps its id key and gives what it restores the ids
     * it gave before (an archive without templates gets the shipped ones again at the next start).
     */
    private static final Map<String, String> SEEDED = Map.of("audit_chain_head", "seq = 0", "id_key", "true",
            "facility", "kind = 'PERSONAL_HEALTH_RECORD'",
            "pathway_template", "version = 1 AND status = 'PUBLISHED' AND created_by IS NULL AND published_by IS NULL",
            "surveillance_syndrome", "true", "secret_key_fingerprint", "true");
    private final Connection connection;
    private boolean committed;

    JdbcLoad(Connection connection) {
        this.connection = connection;
    }

    /** Refuses, naming each table and its row count, unless only the migrations' own rows are there; then clears those. */
    void refuseUnlessEmpty(List<TableLayout> tables) throws SQLException, IOException {
        List<String> found = new ArrayList<>();
        for (TableLayout table : tables) {
            String used = SEEDED.containsKey(table.name()) ? " WHERE NOT (" + SEEDED.get(table.name()) + ")" : "";
            try (Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT count(*) FROM " + Catalog.quote(table.name()) + used)) {
                count.next();
                if (count.getLong(1) > 0) {
                    found.add(table.name() + " (" + count.getLong(1) + ")");
                }
            }
        }
        if (!found.isEmpty()) {
            throw new BackupRefused("backup.restore.notEmpty", String.join(", ", found));
        }
        for (TableLayout table : tables) {
            if (SEEDED.containsKey(table.name())) { // an older schema's database has not all of them
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("DELETE FROM " + Catalog.quote(table.name()));
                }
            }
        }
    }

    @Override
    public void copyIn(TableLayout table, InputStream copyData) throws IOException {
        try {
            JdbcSnapshot.copies(connection).copyIn("COPY " + Catalog.quote(table.name()) + " (" + Catalog.columnList(table)
                    + ") FROM STDIN (FORMAT binary)", copyData, 64 * 1024);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void copyOut(TableLayout table, OutputStream out) throws IOException {
        copyOut(connection, table, out);
    }

    @Override
    public void sequences(List<Manifest.SequenceValue> values) throws IOException {
        try {
            for (Manifest.SequenceValue value : values) {
                Catalog.setSequence(connection, value);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void commit() throws IOException {
        try {
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (!committed) {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            closeQuietly(connection);
        }
    }

    static void copyOut(Connection connection, TableLayout table, OutputStream out) throws IOException {
        try {
            JdbcSnapshot.copies(connection).copyOut("COPY (SELECT " + Catalog.columnList(table) + " FROM "
                    + Catalog.quote(table.name()) + ") TO STDOUT (FORMAT binary)", out);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    static IOException failed(SQLException e) {
        return new IOException("PostgreSQL: " + e.getMessage(), e);
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is gone either way
        }
    }
}
