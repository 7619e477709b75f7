package org.musubi.database;

import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Locks of names held until the caller's database transaction ends (PostgreSQL's {@code pg_advisory_xact_lock}), so
 * that two transactions about the same thing, on one node or on two nodes sharing the database (issue 41), run one
 * after the other: the second waits until the first has committed or rolled back, and its statements after the lock
 * see what the first stored. A node killed while it holds one releases it as soon as PostgreSQL drops its connection
 * (the transaction rolls back).
 * <p>
 * Each name (its parts joined by NUL) becomes a stable 64-bit key, the first eight bytes of SHA-256 of {@code "musubi
 * xact " + name}, the same on every node and version; two names that share a key only wait for each other. The keys
 * of one call are taken in ascending order, so that two transactions that lock overlapping sets cannot deadlock (as
 * long as each takes its locks in one call, before it changes rows the other may wait for). An advisory lock writes
 * nothing (no table, no WAL), so it works on a read-only standby too, where it excludes only the standby's sessions.
 */
public final class TransactionLocks {

    private final JdbcClient jdbc;

    TransactionLocks(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The key of a name given as its parts. */
    public static long key(List<String> name) {
        return JobLocks.advisoryKey("musubi xact " + String.join("\u0000",
                name.stream().map(part -> part == null ? "" : part).toList()));
    }

    /**
     * Holds the locks of {@code names} (each a name's parts) until the current transaction ends, waiting for as long as
     * another transaction holds one of them. Must run inside a Spring-managed transaction on the application's
     * {@code DataSource}: outside one, the lock would end with the statement.
     */
    public void holdAll(Collection<List<String>> names) {
        if (names.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a transaction lock taken outside a transaction would end at once");
        }
        Long[] keys = names.stream().map(TransactionLocks::key).distinct().sorted().toArray(Long[]::new);
        // unnest yields the array's elements in order, and the scan locks them one by one as it reads them (a volatile
        // function's column is never dropped from the subquery)
        jdbc.sql("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k) FROM unnest(?::bigint[]) AS u(k)) AS locked")
                .param(keys).query(Long.class).single();
    }
}
