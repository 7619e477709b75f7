package org.musubi.ingest.batch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.musubi.audit.Actor;
import org.musubi.ingest.ImportProgress;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.chunk.ImportChunks;
import org.musubi.ingest.ledger.ImportLedger;

/**
 * The threads batches run on, made once with the import: reading threads, one per processor, shared by every batch
 * ({@link ReadAhead}), and storing threads, up to {@link #STORING} per batch ({@link ChunksInFlight}). Starts each
 * batch's run on them.
 */
public final class ImportThreads {

    /** Chunks of a batch stored at once, on connections of their own, when they have no patient in common. */
    public static final int STORING = 2;
    private final ImportLedger ledger;
    private final ImportChunks chunks;
    private final ExecutorService reading;
    /** Stores each batch's chunks, up to {@link #STORING} at a time per batch, while its files go on being read. */
    private final ExecutorService storing = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("import-store-", 0).daemon().factory());
    private final int threads;

    public ImportThreads(ImportLedger ledger, ImportChunks chunks) {
        this.ledger = ledger;
        this.chunks = chunks;
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.reading = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("import-read-", 0).daemon().factory());
    }

    /**
     * The run of batch {@code batchId} of {@code source}, read with {@code reader}, started by {@code userId} (null
     * when no user started it) and audited as {@code actor}.
     */
    public BatchRun start(long batchId, ImportSource source, Long userId, Actor actor, MappingContext context,
                          SourceReader reader, ImportProgress progress) {
        BatchCounting counting = new BatchCounting(ledger, batchId, progress);
        FileReader files = new FileReader(source, context, reader, chunks.preparation());
        return new BatchRun(batchId, source, userId, context, ledger, new ReadAhead(files, reading, threads),
                new ChunksInFlight(chunks, storing, counting, actor, source.kind().name()), counting);
    }

    /** Ends the reading and storing threads (a batch still running is interrupted and resumes at the next start). */
    public void close() {
        reading.shutdownNow();
        storing.shutdownNow();
    }
}
