package org.musubi.ingest;

import java.time.Instant;
import java.util.Arrays;

/** A file a source delivered before, as the ledger remembers it. */
public record KnownFile(String path, long size, Instant modified, byte[] hash, long batchId) {

    /** Unchanged when size and modification time are the same (no need to read it again). */
    public boolean sameAs(IncomingFile file) {
        return modified != null && modified.equals(file.modified()) && size == file.file().size();
    }

    public boolean sameContent(byte[] other) {
        return Arrays.equals(hash, other);
    }
}
