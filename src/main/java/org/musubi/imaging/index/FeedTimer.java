package org.musubi.imaging.index;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Orthanc's change feed every {@code every} on a background thread, from when the application is ready ({@link ChangeFeed#follow}: one node at a
 * time, never on a read-only standby). A failed run (the archive down) is logged and tried again at the next.
 */
public final class FeedTimer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedTimer.class);

    private final ScheduledExecutorService runs;
    private final ChangeFeed feed;
    private final Duration every;

    public FeedTimer(ChangeFeed feed, Duration every) {
        this.feed = feed;
        this.every = every;
        runs = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("imaging-index").daemon().factory());
    }

    /** Starts the runs (once the application is ready). */
    public void start() {
        runs.scheduleWithFixedDelay(() -> {
            try {
                feed.follow();
            } catch (RuntimeException e) {
                log.warn("Indexing the DICOM archive's new studies failed ({}); trying again in {}",
                        e.getClass().getSimpleName(), every);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        runs.shutdownNow();
    }
}
