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
 */
public record Manifest(List<TableCount> tables, List<SequenceValue> sequences, long blobs, long blobBytes,
                       String finishedAt) {

    public Manifest {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
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
