package org.musubi.ingest;

import java.time.Instant;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceFile;

/**
 * A file offered to an import, with its last-modified time when the place it comes from has one.
 * {@code refused} is set when the place already knows the file cannot be taken (a file in an SS-MIX2
 * storage where no file belongs): it is then reported without being read.
 */
public record IncomingFile(SourceFile file, Instant modified, Problem refused) {

    public IncomingFile(SourceFile file, Instant modified) {
        this(file, modified, null);
    }

    public String name() {
        return file.name();
    }
}
