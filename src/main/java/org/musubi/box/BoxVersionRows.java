package org.musubi.box;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The rows behind a new version of a Box file's content (V50): which part the file names now, and the parts no row
 * names (a version being written, a version replaced) until their bytes are gone.
 */
public interface BoxVersionRows {

    /** Notes a part about to be written, so that a crash before the switch leaves it findable. */
    void pending(String part, Instant since);

    /** A version: the part holding it, its size, SHA-256 and scan status. */
    record Version(String part, long size, String sha256, BoxFile.ScanStatus scan) {
    }

    /**
     * Makes the file name version {@code to} when it still names part {@code from}, and notes {@code from} as no longer
     * named; false (nothing changed) when the file is gone or names another part.
     */
    boolean switchTo(UUID file, String from, Version to, Instant at);

    /** Forgets a part whose bytes are gone. */
    void forget(String part);

    /** Parts no row names since before {@code before}: left by a crash, their bytes to be deleted. */
    List<String> leftBefore(Instant before, int limit);
}
