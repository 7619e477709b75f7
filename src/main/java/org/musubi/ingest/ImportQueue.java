package org.musubi.ingest;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.musubi.database.JobLocks;

/**
 * Runs batches one source at a time across every Musubi node on the database: a watcher's scan, a screen's "import
 * now", an upload and the {@code import} command for the same source never overlap (they would only find each other's
 * files already done, but their counters would mix). Different sources may run side by side. Each batch holds its
 * source's job lock ({@link JobLocks}, {@code import source <id>}) while it runs; the callers of this node first queue
 * among themselves on a lock in memory, so that waiting takes no database connection. A node that dies mid-batch
 * releases the lock with its connection; its batch's committed chunks stay, and the next batch of the source (another
 * node's scan, or this one restarted) does the rest, as a restarted single server always did.
 */
public final class ImportQueue {

    private final RunImport imports;
    private final JobLocks jobs;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ImportQueue(RunImport imports, JobLocks jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    /** The job name of a source's batches. */
    public static String job(long sourceId) {
        return "import source " + sourceId;
    }

    /** Runs a batch now, after any batch of the same source that is running here or on another node. */
    public ImportBatch run(ImportSource source, Supplier<Iterator<IncomingFile>> files, RunImport.Runner runner,
                           ImportProgress progress) {
        ReentrantLock lock = local(source.id());
        lock.lock();
        try (JobLocks.Held held = jobs.hold(job(source.id()))) {
            return imports.run(source, files.get(), runner, progress);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a batch after any batch of the same source running on this node, unless another node runs one now (then
     * nothing, empty: the caller tries again later), and only when {@code wanted} still says so once the source is
     * this caller's (another node's batch may just have imported the files).
     */
    public Optional<ImportBatch> runUnlessBusyElsewhere(ImportSource source, BooleanSupplier wanted,
                                                        Supplier<Iterator<IncomingFile>> files, RunImport.Runner runner,
                                                        ImportProgress progress) {
        ReentrantLock lock = local(source.id());
        lock.lock();
        try {
            Optional<JobLocks.Held> held = jobs.tryHold(job(source.id()));
            if (held.isEmpty()) {
                return Optional.empty();
            }
            try (JobLocks.Held ours = held.get()) {
                return wanted.getAsBoolean() ? Optional.of(imports.run(source, files.get(), runner, progress))
                        : Optional.empty();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether a batch of this source is running now, on this node or another. */
    public boolean busy(long sourceId) {
        ReentrantLock lock = locks.get(sourceId);
        return lock != null && lock.isLocked() || jobs.heldAnywhere(job(sourceId));
    }

    private ReentrantLock local(long sourceId) {
        return locks.computeIfAbsent(sourceId, id -> new ReentrantLock());
    }
}
