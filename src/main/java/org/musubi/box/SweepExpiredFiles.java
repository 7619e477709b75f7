package org.musubi.box;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes the files expired now, each audited once however often it runs (its last run: {@link Box#lastSweep}). */
public final class SweepExpiredFiles {

    private static final Logger log = LoggerFactory.getLogger(SweepExpiredFiles.class);

    private final Box box;
    private final BoxStore store;
    private final BoxContent blobs;
    private final Audit audit;
    private final Clock clock;
    private final Box.Options options;

    public SweepExpiredFiles(Box box) {
        this.box = box;
        this.store = box.store();
        this.blobs = box.blobs();
        this.audit = box.audit();
        this.clock = box.clock();
        this.options = box.options();
    }

    /**
     * Deletes every file expired now: its content (and its preview), then its rows with one audit row (in one
     * transaction), so that a sweep cut off anywhere is finished by the next (content gone and rows kept: the rows go
     * next time; never rows gone and content kept), and a file is deleted and audited once however often it runs. Then
     * the parts a crashed upload left without rows go ({@link #removeLeftovers}). Skipped on a read-only standby.
     * Returns how many files were deleted.
     */
    public int sweep() {
        if (options.readOnly().getAsBoolean()) {
            return 0;
        }
        int deleted = 0;
        List<BoxFile> batch;
        do {
            batch = store.expired(clock.instant(), 100);
            for (BoxFile file : batch) {
                try {
                    blobs.delete(Box.previewPart(file));
                    blobs.delete(file.part());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                boolean gone = audit.allOrNothing(() -> {
                    boolean removed = store.delete(file.id());
                    if (removed) {
                        audit.record(AuditEntry.of(AuditAction.DELETE, Outcome.PERMIT).on("BoxFile", file.id())
                                .reason("box.expired").by(Actor.system("box-sweep")));
                    }
                    return removed;
                });
                deleted += gone ? 1 : 0;
            }
        } while (batch.size() == 100);
        removeLeftovers(clock.instant());
        store.sweepFinished(clock.instant(), deleted);
        return deleted;
    }

    /**
     * Removes the parts of files that have no row and that were written longer than the retention ago: content an
     * upload stored before a crash kept it from writing its rows (or an edited version's leftover of a file since
     * deleted). A file's part is written before its rows and a file lives no longer than the retention, so no upload in
     * progress and no live file is among them; no audit row, as no file was ever shared (its upload's row and audit row
     * are written together). Object storage lists no parts: a lifecycle rule
     * removes them there (docs/box.md).
     */
    private void removeLeftovers(Instant now) {
        int removed = 0;
        try {
            for (BoxContent.Part part : blobs.writtenBefore(now.minus(options.settings().retention()))) {
                if (store.find(part.file()).isEmpty()) {
                    blobs.delete(part.name());
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (removed > 0) {
            log.warn("The Box expiry sweep removed {} leftover parts that no file names (uploads cut off by a crash)",
                    removed);
        }
    }
}
