package org.musubi.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * PostgreSQL's own upkeep between two timed phases of a benchmark. After a large import, autovacuum
 * vacuums and analyses the grown tables a little later, in the PostgreSQL processes a benchmark counts;
 * when that happens in the next phase depends on how fast the first one went, so the next phase's
 * figure carried a varying share of it (JAHIS after SS-MIX2: PostgreSQL CPU 62–129 µs a record from
 * run to run with the same code). {@link #settle} does the upkeep before the next phase, untimed.
 */
final class Maintenance {

    private static final long WAIT_MILLIS = 120_000;

    private Maintenance() {
    }

    /** Waits (at most two minutes) until no autovacuum worker runs, then vacuums and analyses the database; prints how long. */
    static void settle(DataSource owner) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        try (Connection connection = owner.getConnection(); Statement sql = connection.createStatement()) {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (workers(sql) > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            sql.execute("VACUUM (ANALYZE)");
        }
        System.out.printf("settled: autovacuum finished, database vacuumed and analysed in %.1f s (not timed)%n",
                (System.nanoTime() - started) / 1e9);
    }

    /** Autovacuum and autoanalyze runs so far, over the database's tables (statistics lag a little behind). */
    static long runs(DataSource owner) throws SQLException {
        try (Connection connection = owner.getConnection(); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0)"
                     + " FROM pg_stat_user_tables")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int workers(Statement sql) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
