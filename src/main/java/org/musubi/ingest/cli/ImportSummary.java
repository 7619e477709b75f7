package org.musubi.ingest.cli;

import java.io.PrintStream;
import java.util.List;
import org.musubi.ingest.BatchCounts;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.ledger.ProblemRow;

/** The end of an import on the terminal: the batch's counters and its first rejected records. */
final class ImportSummary {

    private static final int SHOWN = 50;
    private final ImportLedger ledger;

    ImportSummary(ImportLedger ledger) {
        this.ledger = ledger;
    }

    void print(ImportBatch batch, PrintStream out) {
        BatchCounts c = batch.counts();
        out.printf("Batch %d: %s / バッチ %d: %s%n", batch.id(), batch.status(), batch.id(), batch.status());
        out.printf("  files / ファイル:      %,d seen, %,d skipped (already imported), %,d imported%n",
                c.filesSeen(), c.filesSkipped(), c.filesDone());
        out.printf("  records / レコード:    %,d seen, %,d stored, %,d unchanged, %,d deleted at the source, %,d rejected%n",
                c.recordsSeen(), c.recordsStored(), c.recordsUnchanged(), c.recordsDeleted(), c.recordsRejected());
        out.printf("  resources / リソース:  %,d written; %,d warnings / 警告%n", c.resourcesWritten(), c.warnings());
        List<ImportLedger.StoredProblem> errors = ledger.problems(batch.id(), true, 0, SHOWN);
        if (!errors.isEmpty()) {
            out.println("Rejected / 取り込めなかったもの:");
        }
        for (ImportLedger.StoredProblem p : errors) {
            ProblemRow row = p.row();
            out.println("  " + row.problem().where() + ": " + row.problem().japanese() + " / " + row.problem().english());
        }
        if (c.recordsRejected() > SHOWN) {
            out.printf("  ... and %,d more (see /admin/imports/%d) / ほか %,d 件%n", c.recordsRejected() - SHOWN, batch.id(),
                    c.recordsRejected() - SHOWN);
        }
    }
}
