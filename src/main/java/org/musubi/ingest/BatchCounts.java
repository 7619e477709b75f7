package org.musubi.ingest;

/**
 * A batch's counters: files seen, skipped (already imported, unchanged) and done; records seen and
 * what became of them (stored, unchanged or superseded, deleted at the source, rejected); resources
 * written (created or changed) and warnings.
 */
public record BatchCounts(int filesSeen, int filesSkipped, int filesDone, int recordsSeen, int recordsStored,
                          int recordsUnchanged, int recordsDeleted, int recordsRejected, int resourcesWritten,
                          int warnings) {

    public static final BatchCounts ZERO = new BatchCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public BatchCounts plus(BatchCounts o) {
        return new BatchCounts(filesSeen + o.filesSeen, filesSkipped + o.filesSkipped, filesDone + o.filesDone,
                recordsSeen + o.recordsSeen, recordsStored + o.recordsStored, recordsUnchanged + o.recordsUnchanged,
                recordsDeleted + o.recordsDeleted, recordsRejected + o.recordsRejected,
                resourcesWritten + o.resourcesWritten, warnings + o.warnings);
    }

    public static BatchCounts skippedFile() {
        return new BatchCounts(1, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
