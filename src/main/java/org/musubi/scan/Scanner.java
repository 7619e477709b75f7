package org.musubi.scan;

import java.io.InputStream;

/**
 * Looks for malware in a file before anyone but its sender may download it. The content is streamed: a scanner never
 * holds a whole file in memory.
 */
public interface Scanner {

    /**
     * Scans the content, reading it once to its end (or up to the scanner's limit). The stream is not closed.
     *
     * @param content the file's bytes
     * @param size    the file's length in bytes as stored; a file over {@link #maxBytes()} is {@link Verdict.TooLarge}
     *                without being read
     * @return what the scanner found; problems of the scanner itself are {@link Verdict.Failed}, never exceptions
     */
    Verdict scan(InputStream content, long size);

    /** Whether a real scanner is set up; {@code false} means uploads are not scanned and the operator is warned. */
    boolean configured();

    /** The largest file this scanner scans, in bytes; larger files follow {@link TooLargePolicy}. */
    long maxBytes();
}
