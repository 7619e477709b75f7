package org.musubi.phr.recovery;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.musubi.database.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ExpireRecoveries} every {@code every} on a background thread, not while the database is a read-only
 * standby, and on one node at a time ({@link JobLocks}: a node finding another running it skips this run; expiring
 * twice would change nothing anyway, each recovery expires once). A failed run is logged and tried again at the next.
 */
final class ExpiryTimer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExpiryTimer.class);
    private final ScheduledExecutorService runs;

    /** The job lock's name: one node at a time expires recoveries. */
    static final String JOB = "phr recovery expiry";

    public ExpiryTimer(ExpireRecoveries expiry, BooleanSupplier readOnly, JobLocks jobs, Duration every) {
        runs = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("phr-recovery-expiry").daemon()
                .factory());
        runs.scheduleWithFixedDelay(() -> {
            try {
                if (!readOnly.getAsBoolean()) {
                    jobs.runIfFree(JOB, expiry::expire);
                }
            } catch (RuntimeException e) {
                log.warn("Expiring pending notebook recoveries failed; trying again in {}", every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        runs.shutdownNow();
    }
}
