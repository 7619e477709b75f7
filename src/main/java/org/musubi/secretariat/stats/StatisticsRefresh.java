package org.musubi.secretariat.stats;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.musubi.database.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recounts the statistics' rollups every {@code every} (first a minute after start) on a background thread, on one node
 * at a time ({@link JobLocks}), never on a read-only standby ({@link Statistics#refresh} writes nothing there). The
 * operator's "refresh" button takes the same lock, so a click while the job runs waits for it rather than counting
 * twice. A failed run is logged and tried again at the next.
 */
public final class StatisticsRefresh implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatisticsRefresh.class);
    /** The job lock's name. */
    public static final String JOB = "secretariat statistics";

    private final ScheduledExecutorService runs;
    private final Statistics statistics;
    private final JobLocks jobs;

    public StatisticsRefresh(Statistics statistics, JobLocks jobs, Duration every) {
        this.statistics = statistics;
        this.jobs = jobs;
        runs = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("stats-refresh").daemon().factory());
        runs.scheduleWithFixedDelay(() -> {
            try {
                jobs.runIfFree(JOB, statistics::refresh);
            } catch (RuntimeException e) {
                log.warn("The statistics' refresh failed; trying again in {}", every, e);
            }
        }, Math.min(60_000, every.toMillis()), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Recounts now (the operator's button), after any run in progress; false on a read-only standby. */
    public boolean now() {
        try (JobLocks.Held held = jobs.hold(JOB)) {
            return statistics.refresh();
        }
    }

    @Override
    public void close() {
        runs.shutdownNow();
    }
}
