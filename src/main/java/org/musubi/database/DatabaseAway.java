package org.musubi.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database cannot be reached for now — a failover under way, PostgreSQL restarting, the pool waiting in vain for a
 * connection — as opposed to an error of the request or of Musubi: what the request was to do was not done, or (a
 * connection lost while committing) cannot be known to be, and sending it again later may succeed. Callers answer
 * 503 with {@code Retry-After}.
 */
public final class DatabaseAway {

    /** Seconds a client is asked to wait before sending again (a failover of pg_auto_failover takes about a minute). */
    public static final int RETRY_AFTER_SECONDS = 10;
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";
    private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");

    private DatabaseAway() {
    }

    /**
     * Whether {@code error} comes from a database that cannot be reached: a connection Spring or the pool could not get,
     * or PostgreSQL's connection-exception class (08…) or its shutdown states (57P01 admin shutdown, 57P02 crash
     * shutdown, 57P03 cannot connect now). A write refused by a read-only standby is not (that is the standby's answer).
     */
    public static boolean causedBy(Throwable error) {
        if (ReadOnlyStandbyException.causedBy(error)) {
            return false;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SHUTTING_DOWN.contains(sql.getSQLState()))) {
                return true;
            }
            // the pool's own answer for a connection it closed because it broke (HikariCP gives it no SQLSTATE): a
            // rollback after the database went away fails so
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && CLOSED_BY_THE_POOL.equals(sql.getMessage())) {
                return true;
            }
            // a rollback that failed hides the failure that asked for it (Spring keeps it aside, not as the cause)
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != error && causedBy(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }
}
