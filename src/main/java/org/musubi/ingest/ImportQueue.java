package org.musubi.ingest;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs batches one source at a time: a watcher's scan, a screen's "import now" and an upload for the
 * same source never overlap (they would only find each other's files already done, but their counters
 * would mix). Different sources may run side by side.
 */
public final class ImportQueue {

    private final RunImport imports;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ImportQueue(RunImport imports) {
        this.imports = imports;
    }

    /** Runs a batch now, after any batch of the same source that is running. */
    public ImportBatch run(ImportSource source, Supplier<Iterator<IncomingFile>> files, RunImport.Runner runner,
                           ImportProgress progress) {
        ReentrantLock lock = locks.computeIfAbsent(source.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            return imports.run(source, files.get(), runner, progress);
        } finally {
            lock.unlock();
        }
    }

    /** Whether a batch of this source is running in this server now. */
    public boolean busy(long sourceId) {
        ReentrantLock lock = locks.get(sourceId);
        return lock != null && lock.isLocked();
    }
}
