package org.musubi.backup.jdbc;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.musubi.backup.BackupDatabase;
import org.musubi.backup.Manifest;
import org.musubi.backup.TableLayout;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/** The tables as one read-only transaction sees them. */
final class JdbcSnapshot implements BackupDatabase.Snapshot {

    private final Connection connection;
    private final String schemaVersion;
    private final List<TableLayout> tables;

    JdbcSnapshot(Connection connection, String schemaVersion, List<TableLayout> tables) {
        this.connection = connection;
        this.schemaVersion = schemaVersion;
        this.tables = tables;
    }

    @Override
    public String schemaVersion() {
        return schemaVersion;
    }

    @Override
    public List<TableLayout> tables() {
        return tables;
    }

    @Override
    public void copyOut(TableLayout table, OutputStream out) throws IOException {
        JdbcLoad.copyOut(connection, table, out);
    }

    /** Sequences are outside transactions: their values are read now, never behind the rows already copied. */
    @Override
    public List<Manifest.SequenceValue> sequences() throws IOException {
        try {
            return Catalog.sequences(connection);
        } catch (SQLException e) {
            throw JdbcLoad.failed(e);
        }
    }

    @Override
    public void close() {
        JdbcLoad.closeQuietly(connection);
    }

    static CopyManager copies(Connection connection) throws SQLException {
        return new CopyManager(connection.unwrap(BaseConnection.class));
    }
}
