package org.musubi.ingest.batch;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.chunk.ReadFile;
import org.musubi.ingest.ledger.KnownFile;

/**
 * Files being read on the reading threads ahead of the chunk being stored, taken in the order they were offered.
 * Files an adapter reads in order ({@link SourceReader#readsInOrder}) are read one after another, the others in
 * parallel.
 */
final class ReadAhead {

    /** Files read ahead of the chunk being stored, per reading thread. */
    private static final int AHEAD_PER_THREAD = 1_500;
    /**
     * Bytes of source files read ahead at most, whatever their number. A file's prepared resources take
     * tens of times its size in memory (HAPI's model, the JSON as Java strings, the index): a medication
     * notebook of 15 KB becomes several hundred KB. Bounded by files alone, a pharmacy's 1,300 notebooks
     * were all read ahead, and 700–770 MB of a 1 GB heap stayed live through young collections; with this
     * bound 520–560 MB (bench/README.md). About 700 SS-MIX2 messages.
     */
    static final long AHEAD_BYTES = 1 << 20;
    private final FileReader reader;
    private final ExecutorService reading;
    /** Files read ahead at most: {@link #AHEAD_PER_THREAD} per reading thread. */
    private final int most;
    /** Files being read, in the order they were offered, and their bytes in all. */
    private final ArrayDeque<Reading> ahead = new ArrayDeque<>();
    private long aheadBytes;
    /** The last file of those read one after another ({@link SourceReader#readsInOrder}). */
    private CompletableFuture<Read> ordered = CompletableFuture.completedFuture(null);

    ReadAhead(FileReader reader, ExecutorService reading, int threads) {
        this.reader = reader;
        this.reading = reading;
        this.most = threads * AHEAD_PER_THREAD;
    }

    /** A file read on a reading thread, with what the ledger knew of it. */
    record Read(ReadFile file, KnownFile before) {
    }

    /** A file being read on a reading thread, and its size. */
    private record Reading(Future<Read> read, long size) {
    }

    /** Starts reading {@code file}, which the ledger knew as {@code before} (null when it did not). */
    void start(IncomingFile file, KnownFile before) {
        Future<Read> task;
        if (reader.readsInOrder(file)) {
            ordered = ordered.handleAsync((previous, failure) -> new Read(reader.read(file), before), reading);
            task = ordered;
        } else {
            task = reading.submit(() -> new Read(reader.read(file), before));
        }
        ahead.add(new Reading(task, Math.max(0, file.file().size())));
        aheadBytes += ahead.getLast().size();
    }

    /**
     * The oldest file, once read, while more files are being read than may be (all of them when {@code all}), or
     * their sizes add up to more than {@link #AHEAD_BYTES} (a single larger file is still read); null when none is to
     * be taken now. A failure to read it is rethrown.
     */
    Read next(boolean all) {
        if (ahead.size() > (all ? 0 : most) || ahead.size() > 1 && aheadBytes > AHEAD_BYTES) {
            Reading next = ahead.poll();
            aheadBytes -= next.size();
            return Tasks.await(next.read());
        }
        return null;
    }
}
