package org.musubi.ingest;

import java.util.Iterator;
import org.musubi.audit.Actor;
import org.musubi.database.Standby;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ProblemTexts;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.batch.BatchRun;
import org.musubi.ingest.batch.ImportThreads;
import org.musubi.ingest.batch.MappingContexts;
import org.musubi.ingest.chunk.ImportChunks;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.readers.SourceReaders;

/**
 * One batch of a source: reads the files offered (skipping those delivered before and unchanged),
 * maps them with the source's adapter, and stores them chunk by chunk, each chunk one transaction
 * with its checkpoint, so that a batch stopped at any moment is continued by running it again: what
 * was committed is skipped, the rest is done, nothing twice. How the files are read ahead, cut into chunks
 * and stored is {@link BatchRun}'s; storing one chunk is {@link ImportChunks}'.
 */
public final class RunImport implements AutoCloseable {

    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.messages");
    private final ImportLedger ledger;
    private final SourceReaders readers;
    private final MappingContexts contexts;
    private final ImportThreads threads;
    private final Standby standby;

    RunImport(ImportLedger ledger, SourceReaders readers, MappingContexts contexts, ImportChunks chunks, Standby standby) {
        this.ledger = ledger;
        this.standby = standby;
        this.readers = readers;
        this.contexts = contexts;
        this.threads = new ImportThreads(ledger, chunks);
    }

    /** Who runs a batch: the user (null for the command line or the watcher) and who the audit names. */
    public record Runner(Long userId, Actor actor, BatchOrigin origin) {
    }

    /**
     * Imports {@code files} into {@code source}; returns the finished batch. Failures end the batch as FAILED and are
     * thrown. On a read-only standby nothing starts: {@link org.musubi.database.ReadOnlyStandbyException}.
     */
    public ImportBatch run(ImportSource source, Iterator<IncomingFile> files, Runner runner, ImportProgress progress) {
        standby.refuseWrites();
        long batchId = ledger.startBatch(source.id(), runner.origin(), runner.userId());
        BatchRun batchInProgress = null;
        try {
            MappingContext context = contexts.of(source);
            SourceReader reader = readers.of(source).orElseThrow(() -> new IllegalStateException(
                    TEXTS.problem(Location.file(source.name()), "ingest.noReader", source.kind()).english()));
            BatchRun batch = threads.start(batchId, source, runner.userId(), runner.actor(), context, reader,
                    progress);
            batchInProgress = batch;
            batch.read(files);
            batch.finish();
            ledger.finishBatch(batchId, BatchStatus.DONE, null);
        } catch (RuntimeException e) {
            if (batchInProgress != null) {
                batchInProgress.abandon();
            }
            ledger.finishBatch(batchId, BatchStatus.FAILED, String.valueOf(e.getMessage()));
            throw e;
        }
        return ledger.batch(batchId).orElseThrow();
    }

    /** Ends the import's threads with the context (Spring calls it when the context closes). */
    @Override
    public void close() {
        threads.close();
    }
}
