package org.musubi.ingest.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.musubi.ingest.IncomingFile;

/** A file a source delivered before, as the ledger remembers it. */
public record KnownFile(String path, long size, Instant modified, byte[] hash, long batchId) {

    /**
     * Unchanged when size and modification time are the same (no need to read it again). Times are
     * compared to the microsecond, as PostgreSQL keeps them; file systems may give nanoseconds.
     */
    public boolean sameAs(IncomingFile file) {
        return modified != null && file.modified() != null && size == file.file().size()
                && modified.truncatedTo(ChronoUnit.MICROS).equals(file.modified().truncatedTo(ChronoUnit.MICROS));
    }

    public boolean sameContent(byte[] other) {
        return Arrays.equals(hash, other);
    }
}
