package org.musubi.ingest;

import java.time.Instant;

/** A file offered to an import, with its last-modified time when the place it comes from has one. */
public record IncomingFile(SourceFile file, Instant modified) {

    public String name() {
        return file.name();
    }
}
