package org.musubi.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Musubi runs read-only on a PostgreSQL hot standby (streaming replication): it then serves viewing and
 * refuses every write with {@link #MESSAGE}, and the audit trail goes to a local spool until the primary is back
 * (docs/disaster.md). Set by {@code musubi.database.read-only}: {@code auto} asks PostgreSQL
 * ({@code pg_is_in_recovery()}) at start and every {@code musubi.database.standby-check}, so a promoted standby starts
 * taking writes (and {@link #whenWritable} listeners run); {@code true} is read-only whatever the database is;
 * {@code false} never is.
 */
public final class Standby implements AutoCloseable {

    /** What every refused write says, Japanese first. */
    public static final String MESSAGE = "この結びは読み取り専用の待機系（ホットスタンバイ）で動いています。閲覧はできますが、"
            + "登録・変更・取り込みはできません。主系の復旧後にもう一度行ってください。 / This Musubi runs on a read-only standby "
            + "database: viewing works, but nothing can be recorded, changed or imported. Try again once the primary is back.";

    private static final Logger log = LoggerFactory.getLogger(Standby.class);

    /** The setting {@code musubi.database.read-only}. */
    public enum Setting {
        AUTO, TRUE, FALSE;

        static Setting of(String text) {
            try {
                return valueOf(text == null || text.isBlank() ? "AUTO" : text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("musubi.database.read-only must be auto, true or false, not " + text, e);
            }
        }
    }

    private final Setting setting;
    private final DataSource probe;
    private final List<Runnable> onWritable = new CopyOnWriteArrayList<>();
    private volatile boolean readOnly;
    private ScheduledExecutorService checks;

    Standby(Setting setting, DataSource probe) {
        this.setting = setting;
        this.probe = probe;
        this.readOnly = switch (setting) {
            case TRUE -> true;
            case FALSE -> false;
            case AUTO -> inRecovery();
        };
        if (readOnly) {
            log.warn("Read-only standby mode ({}): viewing only, writes refused, audit records spooled locally",
                    setting == Setting.TRUE ? "musubi.database.read-only=true" : "the database is in recovery");
        }
    }

    /** A fixed answer, for tools and tests that need no database. */
    public static Standby fixed(boolean readOnly) {
        return new Standby(readOnly ? Setting.TRUE : Setting.FALSE, null);
    }

    /** With {@code auto}, asks the database again every {@code every}. */
    void checkEvery(Duration every) {
        if (setting != Setting.AUTO || every.isZero() || every.isNegative()) {
            return;
        }
        checks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("standby-check").daemon().factory());
        checks.scheduleWithFixedDelay(this::recheck, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether writes are refused now. */
    public boolean readOnly() {
        return readOnly;
    }

    /** Whether {@code musubi.database.read-only=true} forces read-only whatever the database is. */
    public boolean forced() {
        return setting == Setting.TRUE;
    }

    /** Throws {@link ReadOnlyStandbyException} when read-only. */
    public void refuseWrites() {
        if (readOnly) {
            throw new ReadOnlyStandbyException();
        }
    }

    /** Runs {@code write} unless read-only: for incidental writes (a last-used time) that viewing can do without. */
    public void unlessReadOnly(Runnable write) {
        if (!readOnly) {
            write.run();
        }
    }

    /** Runs {@code listener} (on the checking thread) whenever a read-only standby becomes writable (promoted). */
    public void whenWritable(Runnable listener) {
        onWritable.add(listener);
    }

    /** Asks the database again (with {@code auto}); returns whether read-only now. */
    public boolean recheck() {
        if (setting != Setting.AUTO) {
            return readOnly;
        }
        boolean was = readOnly;
        try {
            readOnly = inRecovery();
        } catch (IllegalStateException e) {
            log.warn("Could not ask the database whether it is a standby; staying {}: {}",
                    was ? "read-only" : "writable", e.getMessage());
            return was;
        }
        if (was && !readOnly) {
            log.warn("The database was promoted: Musubi takes writes again");
            for (Runnable listener : onWritable) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.error("A task run on promotion failed", e);
                }
            }
        } else if (!was && readOnly) {
            log.warn("The database is now a standby in recovery: Musubi refuses writes");
        }
        return readOnly;
    }

    private boolean inRecovery() {
        try (Connection connection = probe.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_is_in_recovery() failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (checks != null) {
            checks.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "Standby[" + setting + ", readOnly=" + readOnly + "]";
    }
}
