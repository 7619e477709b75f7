package org.musubi.database;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks that make a job run on one Musubi node at a time when several nodes share one PostgreSQL (issue 41): a
 * session-level PostgreSQL advisory lock, taken on a connection of its own that the job keeps open while it runs and
 * that is closed when it ends. {@link #tryHold} ({@code pg_try_advisory_lock}) is for "skip if another node runs it",
 * {@link #hold} ({@code pg_advisory_lock}) waits; {@link #heldAnywhere} asks {@code pg_locks}, which every node sees.
 * <p>
 * Why advisory locks and not ShedLock (6.0.2 resolves here): a lock of PostgreSQL's session ends with its session, so a
 * node killed with SIGKILL (or cut off from the database) releases its jobs as soon as PostgreSQL notices the dead
 * connection, and another node takes over at its next tick; ShedLock's lock is a row that stays held until its
 * {@code lockAtMostFor} has passed after a crash, which would have to be longer than the longest import batch (hours)
 * and would stop that source's imports for as long. Advisory locks write nothing (no table, no WAL), so taking one
 * works on a read-only standby too (where its lock excludes only the standby's own sessions: the jobs that write do not
 * run there at all, as before).
 * <p>
 * The lock connection is not one of the pool's: a job holds it for as long as it runs (an import batch: minutes to
 * hours) without taking a connection from the requests, and closing it can never return a session that still holds a
 * lock to a pool. Each job name (with a source id where there is one) becomes a stable 64-bit key, the first eight
 * bytes of SHA-256 of {@code "musubi job " + name}, the same on every node and every version.
 */
public final class JobLocks {

    private static final Logger log = LoggerFactory.getLogger(JobLocks.class);
    private final DataSource connections;

    JobLocks(DataSource connections) {
        this.connections = connections;
    }

    /** The advisory lock key of a job name. */
    public static long key(String job) {
        return advisoryKey("musubi job " + job);
    }

    /** The first eight bytes of SHA-256 of {@code text}: the key of an advisory lock, the same on every node and version. */
    static long advisoryKey(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The lock of {@code job} when no session anywhere holds it; empty when another holds it (another node runs it). */
    public Optional<Held> tryHold(String job) {
        return take(job, "SELECT pg_try_advisory_lock(?)");
    }

    /** The lock of {@code job}, waiting for as long as another session holds it. */
    public Held hold(String job) {
        return take(job, "SELECT true FROM (SELECT pg_advisory_lock(?)) AS waited").orElseThrow();
    }

    /** Whether some session (this node's or another's) holds the lock of {@code job} now. */
    public boolean heldAnywhere(String job) {
        long key = key(job);
        try (Connection connection = connections.getConnection(); PreparedStatement query = connection.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (
                    SELECT oid FROM pg_database WHERE datname = current_database())
                    AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1)""")) {
            query.setLong(1, key >>> 32);
            query.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ask PostgreSQL whether job " + job + " runs: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} unless another session holds the lock of {@code job}; returns whether it ran. */
    public boolean runIfFree(String job, Runnable work) {
        Optional<Held> held = tryHold(job);
        if (held.isEmpty()) {
            return false;
        }
        try (Held lock = held.get()) {
            work.run();
        }
        return true;
    }

    private Optional<Held> take(String job, String sql) {
        Connection connection = null;
        try {
            connection = connections.getConnection();
            connection.setAutoCommit(true);
            boolean taken;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, key(job));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    taken = rs.getBoolean(1);
                }
            }
            if (!taken) {
                connection.close();
                return Optional.empty();
            }
            return Optional.of(new Held(job, connection));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not take the lock of job " + job + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing a job lock's connection failed", e);
            }
        }
    }

    /** A job lock held: {@link #close} releases it by closing its connection (its session's locks end with it). */
    public static final class Held implements AutoCloseable {

        private final String job;
        private final Connection connection;

        private Held(String job, Connection connection) {
            this.job = job;
            this.connection = connection;
        }

        /** The job whose lock this is. */
        public String job() {
            return job;
        }

        @Override
        public void close() {
            closeQuietly(connection);
        }
    }
}
