package org.musubi.research.extraction;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code every}, unless the database is a read-only standby: runs the queued extractions (on one node at a time)
 * and sweeps expired files. A failed tick is logged and tried again at the next.
 */
public final class ExtractionTimer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExtractionTimer.class);
    private final ScheduledExecutorService runs;

    public ExtractionTimer(ExtractionRunner runner, ExtractionSweep sweep, BooleanSupplier readOnly, Duration every) {
        runs = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("research-extraction").daemon()
                .factory());
        runs.scheduleWithFixedDelay(() -> {
            try {
                if (!readOnly.getAsBoolean()) {
                    runner.runIfFree();
                    sweep.sweep();
                }
            } catch (RuntimeException e) {
                log.warn("Research extractions: a run failed; trying again in {}: {}", every, e.getClass().getName());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        runs.shutdownNow();
    }
}
