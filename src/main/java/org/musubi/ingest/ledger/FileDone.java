package org.musubi.ingest.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A file whose records were all taken (stored, unchanged or rejected): the checkpoint a restart
 * continues from. Its modification time is kept to the microsecond, as PostgreSQL keeps times.
 */
public record FileDone(String path, long size, Instant modified, byte[] hash, int records, int rejected) {

    public FileDone {
        modified = modified == null ? null : modified.truncatedTo(ChronoUnit.MICROS);
    }
}
