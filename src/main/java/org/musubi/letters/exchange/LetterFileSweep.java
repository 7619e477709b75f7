package org.musubi.letters.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.blob.BlobStore;
import org.musubi.database.JobLocks;
import org.musubi.letters.exchange.jdbc.LetterTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the letters' files that no letter names, as Box removes its leftover parts: a letter's signed PDF, its
 * document's file and the attachments taken from the record are kept ({@code letter-<uuid>} parts; an attachment's
 * {@code letter-<letter id>-<place>}) before the transaction that stores the letter opens, so a transaction that then
 * fails (a refusal, a conflict, a crash) or a letter deleted since leaves a file without a row. A file last written
 * longer than the grace period ago ({@code musubi.letters.file-grace}) that no letter row names is removed — no letter
 * is still being stored that long after its files were written, so none in progress is among them. Runs every
 * {@code musubi.letters.sweep-every} on one node at a time ({@link JobLocks}), never on a read-only standby; no audit
 * row, as such a file was never shared. Object storage lists no parts: nothing is removed there (docs/letters.md).
 */
public final class LetterFileSweep implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LetterFileSweep.class);

    /** What a letter's kept file is named by. */
    static final String PREFIX = "letter-";
    /** The job lock's name. */
    static final String JOB = "letter file sweep";
    private static final Pattern ATTACHMENT = Pattern.compile(Pattern.quote(PREFIX)
            + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-[0-9]{1,4}");
    private static final int BATCH = 1000;

    private final BlobStore blobs;
    private final LetterTable table;
    private final BooleanSupplier readOnly;
    private final Clock clock;
    private final Duration grace;
    private ScheduledExecutorService runs;

    LetterFileSweep(BlobStore blobs, LetterTable table, BooleanSupplier readOnly, Clock clock, Duration grace) {
        this.blobs = blobs;
        this.table = table;
        this.readOnly = readOnly;
        this.clock = clock;
        this.grace = grace;
    }

    /** The name of the file kept for the attachment at {@code place} of letter {@code letterId}. */
    static String attachment(UUID letterId, int place) {
        return PREFIX + letterId + "-" + place;
    }

    /** The letter an attachment's file {@code name} was kept for; empty for any other file. */
    static Optional<UUID> letterOf(String name) {
        Matcher m = ATTACHMENT.matcher(name);
        return m.matches() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
    }

    /** Runs the sweep every {@code every} on a background thread, on one node at a time. */
    LetterFileSweep scheduled(JobLocks jobs, Duration every) {
        runs = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("letter-file-sweep").daemon()
                .factory());
        runs.scheduleWithFixedDelay(() -> {
            try {
                runOnOneNode(jobs);
            } catch (RuntimeException e) {
                log.warn("The letter file sweep failed; trying again in {}", every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One scheduled run: the sweep, unless another node (another session) runs it now; whether it ran. */
    boolean runOnOneNode(JobLocks jobs) {
        return jobs.runIfFree(JOB, this::sweep);
    }

    /** Removes the files no letter names that were last written over the grace period ago; how many. */
    public int sweep() {
        if (readOnly.getAsBoolean()) {
            return 0;
        }
        int removed = 0;
        try {
            List<String> old = blobs.partsWrittenBefore(PREFIX, clock.instant().minus(grace));
            for (int from = 0; from < old.size(); from += BATCH) {
                List<String> batch = old.subList(from, Math.min(old.size(), from + BATCH));
                Set<String> named = named(batch);
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

    /** Which of {@code parts} a letter names: as its PDF or document, or as an attachment of a letter that exists. */
    private Set<String> named(List<String> parts) {
        Set<String> named = new HashSet<>(table.filesNamed(parts));
        Map<String, UUID> attachments = new HashMap<>();
        parts.forEach(part -> letterOf(part).ifPresent(letter -> attachments.put(part, letter)));
        Set<UUID> letters = table.lettersAmong(new HashSet<>(attachments.values()));
        attachments.forEach((part, letter) -> {
            if (letters.contains(letter)) {
                named.add(part);
            }
        });
        return named;
    }

    @Override
    public void close() {
        if (runs != null) {
            runs.shutdownNow();
        }
    }
}
