package org.musubi.ingest.batch;

import org.musubi.ingest.BatchCounts;
import org.musubi.ingest.ImportProgress;
import org.musubi.ingest.ledger.ImportLedger;

/**
 * A batch's counters so far, told to its progress each time they grow: the chunks committed (each chunk adds its own
 * to the batch's row in its transaction), and the files skipped as delivered before, added to the batch's row here.
 */
final class BatchCounting {

    private final ImportLedger ledger;
    private final long batchId;
    private final ImportProgress progress;
    private BatchCounts skipped = BatchCounts.ZERO;
    private BatchCounts total = BatchCounts.ZERO;

    BatchCounting(ImportLedger ledger, long batchId, ImportProgress progress) {
        this.ledger = ledger;
        this.batchId = batchId;
        this.progress = progress;
    }

    /** A file skipped: delivered before and unchanged. Counted by {@link #flushSkipped}. */
    void skippedFile() {
        skipped = skipped.plus(BatchCounts.skippedFile());
    }

    /** Adds the files skipped since the last time to the batch's counters. */
    void flushSkipped() {
        if (skipped.filesSeen() > 0) {
            ledger.count(batchId, skipped);
            total = total.plus(skipped);
            skipped = BatchCounts.ZERO;
            progress.update(total);
        }
    }

    /** A chunk committed, with its counts. */
    void stored(BatchCounts chunk) {
        total = total.plus(chunk);
        progress.update(total);
    }
}
