package org.musubi.ingest;

import java.time.Instant;

/** A file whose records were all taken (stored, unchanged or rejected): the checkpoint a restart continues from. */
public record FileDone(String path, long size, Instant modified, byte[] hash, int records, int rejected) {
}
