package org.musubi.database;

import java.sql.SQLException;

/** A write refused because Musubi runs read-only on a standby ({@link Standby#MESSAGE}). */
public final class ReadOnlyStandbyException extends RuntimeException {

    public ReadOnlyStandbyException() {
        super(Standby.MESSAGE);
    }

    /** Whether {@code error} or a cause of it is a refusal of a write by a standby: this one, or PostgreSQL's own. */
    public static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReadOnlyStandbyException) {
                return true;
            }
            // 25006 read_only_sql_transaction: "cannot execute INSERT in a read-only transaction" (a hot standby, or
            // a read-only connection)
            if (cause instanceof SQLException sql && "25006".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
