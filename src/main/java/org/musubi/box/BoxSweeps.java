package org.musubi.box;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.musubi.database.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Box's expiry sweep every {@code every} on a background thread, on one node at a time ({@link JobLocks}; a
 * second sweep at once would find nothing more to do anyway) and not on a read-only standby ({@link SweepExpiredFiles#sweep}). A
 * failed run is logged and tried again at the next; the operators see when it last finished.
 */
public final class BoxSweeps implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BoxSweeps.class);

    /** The job lock's name. */
    static final String JOB = "box expiry sweep";

    private final ScheduledExecutorService runs;

    public BoxSweeps(SweepExpiredFiles sweep, JobLocks jobs, Duration every) {
        runs = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("box-sweep").daemon().factory());
        runs.scheduleWithFixedDelay(() -> {
            try {
                jobs.runIfFree(JOB, sweep::sweep);
            } catch (RuntimeException e) {
                log.warn("The Box expiry sweep failed; trying again in {}", every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        runs.shutdownNow();
    }
}
