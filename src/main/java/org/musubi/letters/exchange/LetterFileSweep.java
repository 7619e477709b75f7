package org.musubi.letters.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.musubi.blob.BlobStore;
import org.musubi.database.JobLocks;
import org.musubi.letters.exchange.jdbc.LetterTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the letters' files that no letter names, as Box removes its leftover parts: a letter's signed PDF and its
 * document's file are kept ({@code letter-<uuid>} parts) before the transaction that stores the letter opens, so a
 * transaction that then fails (a refusal, a conflict, a crash) or a letter deleted since leaves a file without a row.
 * A file last written longer than {@link #GRACE} ago that no letter row names is removed — no letter is still being
 * stored that long after its files were written, so none in progress is among them. Runs every {@link #EVERY} on one
 * node at a time ({@link JobLocks}), never on a read-only standby; no audit row, as such a file was never shared. Object
 * storage lists no parts: nothing is removed there (docs/letters.md).
 */
public final class LetterFileSweep implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LetterFileSweep.class);

    /** What a letter's kept file is named by. */
    static final String PREFIX = "letter-";
    /** How long a file written for a letter may wait for the letter's row. */
    static final Duration GRACE = Duration.ofDays(1);
    /** How often the sweep runs. */
    static final Duration EVERY = Duration.ofHours(1);
    /** The job lock's name. */
    static final String JOB = "letter file sweep";
    private static final int BATCH = 1000;

    private final BlobStore blobs;
    private final LetterTable table;
    private final BooleanSupplier readOnly;
    private final Clock clock;
    private ScheduledExecutorService runs;

    LetterFileSweep(BlobStore blobs, LetterTable table, BooleanSupplier readOnly, Clock clock) {
        this.blobs = blobs;
        this.table = table;
        this.readOnly = readOnly;
        this.clock = clock;
    }

    /** Runs the sweep every {@link #EVERY} on a background thread, on one node at a time. */
    LetterFileSweep scheduled(JobLocks jobs) {
        runs = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("letter-file-sweep").daemon()
                .factory());
        runs.scheduleWithFixedDelay(() -> {
            try {
                jobs.runIfFree(JOB, this::sweep);
            } catch (RuntimeException e) {
                log.warn("The letter file sweep failed; trying again in {}", EVERY, e);
            }
        }, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Removes the files no letter names that were last written over {@link #GRACE} ago; how many. */
    public int sweep() {
        if (readOnly.getAsBoolean()) {
            return 0;
        }
        int removed = 0;
        try {
            List<String> old = blobs.partsWrittenBefore(PREFIX, clock.instant().minus(GRACE));
            for (int from = 0; from < old.size(); from += BATCH) {
                List<String> batch = old.subList(from, Math.min(old.size(), from + BATCH));
                Set<String> named = table.filesNamed(batch);
                for (String part : batch) {
                    if (!named.contains(part)) {
                        blobs.deletePart(part);
                        removed++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (removed > 0) {
            log.warn("The letter file sweep removed {} files that no letter names (sends that failed, letters deleted)",
                    removed);
        }
        return removed;
    }

    @Override
    public void close() {
        if (runs != null) {
            runs.shutdownNow();
        }
    }
}
