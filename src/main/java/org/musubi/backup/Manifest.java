package org.musubi.backup;

import java.util.List;

/**
 * The end of an archive's content: what was written, to check a verification or a restore against.
 *
 * @param tables     each table's row count, COPY bytes and digest (see {@link CopyDigest}), in archive order
 * @param sequences  every sequence's value at the backup (identity columns' included)
 * @param blobs      how many files followed the tables
 * @param blobBytes  their total size
 * @param finishedAt when the last byte was written (ISO-8601, UTC)
 * @param parts      how many kept parts followed the files (none in a format 1 archive)
 * @param partBytes  their total size
 */
public record Manifest(List<TableCount> tables, List<SequenceValue> sequences, long blobs, long blobBytes,
                       String finishedAt, Long parts, Long partBytes) {

    public Manifest {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        parts = parts == null ? 0L : parts;
        partBytes = partBytes == null ? 0L : partBytes;
    }

    public Manifest(List<TableCount> tables, List<SequenceValue> sequences, long blobs, long blobBytes, String finishedAt) {
        this(tables, sequences, blobs, blobBytes, finishedAt, 0L, 0L);
    }

    public long rows() {
        return tables.stream().mapToLong(TableCount::rows).sum();
    }

    /** A table's rows as written. */
    public record TableCount(String name, long rows, long bytes, String digest) {
    }

    /** A sequence's state: {@code setval(name, lastValue, called)} puts it back. */
    public record SequenceValue(String name, long lastValue, boolean called) {
    }
}
