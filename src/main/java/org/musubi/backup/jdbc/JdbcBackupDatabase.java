package org.musubi.backup.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.musubi.backup.BackupDatabase;
import org.musubi.backup.BackupRefused;
import org.musubi.backup.TableLayout;

/** Backups and restores through PostgreSQL's binary COPY, on one connection as the schema owner. */
public final class JdbcBackupDatabase implements BackupDatabase {

    private final DataSource owner;

    public JdbcBackupDatabase(DataSource owner) {
        this.owner = owner;
    }

    /**
     * A read-only REPEATABLE READ transaction: every table is read as of one moment, as pg_dump does, while
     * the server goes on working. ACCESS SHARE locks keep the tables from being altered or dropped meanwhile.
     */
    @Override
    public Snapshot snapshot() throws IOException {
        return opened(connection -> {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            String version = Catalog.schemaVersion(connection);
            if (version.isEmpty()) {
                throw new BackupRefused("backup.database.none");
            }
            List<TableLayout> tables = Catalog.tables(connection);
            lock(connection, tables, "ACCESS SHARE");
            return new JdbcSnapshot(connection, version, tables);
        });
    }

    /** Waits at most 10 s for the tables' locks, so a restore next to a running server fails instead of hanging. */
    @Override
    public Load load(List<TableLayout> tables) throws IOException {
        return opened(connection -> {
            connection.setAutoCommit(false);
            List<TableLayout> present = Catalog.tables(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = '10s'");
            }
            lock(connection, present, "ACCESS EXCLUSIVE");
            JdbcLoad load = new JdbcLoad(connection);
            load.refuseUnlessEmpty(present);
            if (!byName(present).equals(byName(tables))) {
                throw new BackupRefused("backup.restore.schemaDiffers", differences(present, tables));
            }
            return load;
        });
    }

    @FunctionalInterface
    private interface Opening<T> {
        T open(Connection connection) throws SQLException, IOException;
    }

    /** Runs {@code opening} on a new connection, which is closed if it fails. */
    private <T> T opened(Opening<T> opening) throws IOException {
        Connection connection;
        try {
            connection = owner.getConnection();
        } catch (SQLException e) {
            throw JdbcLoad.failed(e);
        }
        try {
            return opening.open(connection);
        } catch (SQLException e) {
            JdbcLoad.closeQuietly(connection);
            throw JdbcLoad.failed(e);
        } catch (IOException | RuntimeException e) {
            JdbcLoad.closeQuietly(connection);
            throw e;
        }
    }

    private static void lock(Connection connection, List<TableLayout> tables, String mode) throws SQLException {
        if (!tables.isEmpty()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("LOCK TABLE " + tables.stream().map(t -> Catalog.quote(t.name()))
                        .collect(Collectors.joining(", ")) + " IN " + mode + " MODE");
            }
        }
    }

    private static List<TableLayout> byName(List<TableLayout> tables) {
        return tables.stream().sorted(Comparator.comparing(TableLayout::name)).toList();
    }

    /** The tables that are not the same in both, by name. */
    private static String differences(List<TableLayout> present, List<TableLayout> expected) {
        return Stream.concat(present.stream(), expected.stream())
                .filter(table -> !(present.contains(table) && expected.contains(table)))
                .map(TableLayout::name).distinct().sorted().collect(Collectors.joining(", "));
    }
}
