package org.musubi.imaging.ai;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.musubi.database.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AiDispatch} every {@code every} on a background thread from when the application is ready, on one node at
 * a time (a job lock); {@link #runNow} runs it at once, waiting for a run of another node or thread to end first. A
 * failed run is logged and tried again at the next.
 */
public final class AiTimer implements AutoCloseable {

    /** The job lock's name. */
    public static final String JOB = "imaging ai dispatch";
    private static final Logger log = LoggerFactory.getLogger(AiTimer.class);

    private final AiDispatch dispatch;
    private final JobLocks jobs;
    private final Duration every;
    private final ScheduledExecutorService runs;

    public AiTimer(AiDispatch dispatch, JobLocks jobs, Duration every) {
        this.dispatch = dispatch;
        this.jobs = jobs;
        this.every = every;
        runs = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("imaging-ai").daemon().factory());
    }

    /** Starts the runs (once the application is ready). */
    public void start() {
        runs.scheduleWithFixedDelay(() -> {
            try {
                jobs.runIfFree(JOB, dispatch::run);
            } catch (RuntimeException e) {
                log.warn("Sending studies to the AI services failed ({}); trying again in {}",
                        e.getClass().getSimpleName(), every);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One run now, after any run under way. */
    public void runNow() {
        try (JobLocks.Held held = jobs.hold(JOB)) {
            dispatch.run();
        }
    }

    @Override
    public void close() {
        runs.shutdownNow();
    }
}
