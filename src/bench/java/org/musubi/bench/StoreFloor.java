package org.musubi.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * How fast PostgreSQL alone can store what an import wrote, with the store's tables and indexes as they
 * are: the rows the import wrote or changed (records with their search keys, versions, ledger, audit) are copied out, then
 * copied back with binary {@code COPY} (PostgreSQL's cheapest way in) into empty tables with the same
 * columns, checks and indexes, in one transaction, on one connection. No Java work is in the figure, so
 * it bounds the end-to-end rate from above: one backend uses at most one core, so two cores can at best
 * double it. Used by {@link IngestBenchmark} ({@code --floor=1}).
 */
final class StoreFloor {

    /** The tables an import writes, and the name of the empty copy the rows are loaded into. */
    private static final List<String> TABLES = List.of("resource", "resource_version", "import_record", "import_file",
            "audit_event");

    /** One table loaded: rows and seconds. */
    record Loaded(String table, long rows, long bytes, double seconds) {
    }

    /** The whole load: per table, the wall time and the backend's CPU time. */
    record Floor(List<Loaded> tables, double seconds, double backendCpuSeconds) {
    }

    private StoreFloor() {
    }

    /** A transaction id before an import: the rows it writes are those with a later {@code xmin}. */
    static long transactionBefore(DataSource owner) throws SQLException {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT txid_current()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Copies out the rows written after transaction {@code since} (a fresh cluster: no xid wraparound), then times loading them. */
    static Floor measure(DataSource owner, Path scratch, long since) throws SQLException, IOException {
        Files.createDirectories(scratch);
        List<Path> files = new ArrayList<>();
        try (Connection connection = owner.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : TABLES) {
                Path file = scratch.resolve(table + ".copy");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                    copy.copyOut("COPY (SELECT * FROM " + table + " WHERE xmin::text::bigint > " + since
                            + ") TO STDOUT (FORMAT binary)", out);
                }
                files.add(file);
            }
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    statement.execute("DROP TABLE IF EXISTS floor_" + table);
                    statement.execute("CREATE TABLE floor_" + table + " (LIKE " + table
                            + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
                }
            }
            int pid;
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            connection.setAutoCommit(false);
            List<Loaded> loaded = new ArrayList<>();
            long cpuBefore = ResourceUse.cpuNanos(pid);
            long started = System.nanoTime();
            for (int i = 0; i < TABLES.size(); i++) {
                long began = System.nanoTime();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(files.get(i)), 1 << 20)) {
                    long rows = copy.copyIn("COPY floor_" + TABLES.get(i) + " FROM STDIN (FORMAT binary)", in);
                    loaded.add(new Loaded(TABLES.get(i), rows, Files.size(files.get(i)), (System.nanoTime() - began) / 1e9));
                }
            }
            connection.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (ResourceUse.cpuNanos(pid) - cpuBefore) / 1e9;
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    statement.execute("DROP TABLE floor_" + table);
                }
            }
            return new Floor(loaded, seconds, cpu);
        } finally {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }
}
