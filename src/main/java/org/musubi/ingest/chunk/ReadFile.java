package org.musubi.ingest.chunk;

import java.util.List;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ReplacedScope;

/**
 * A file an adapter has read: the file, its content hash, one result per record, and for each parsed
 * record its prepared resources (null for a rejection), in the same order; {@code scope}: what the whole file replaces
 * at its facility ({@link org.musubi.ingest.adapter.SourceReader#replaces}), or null.
 */
public record ReadFile(IncomingFile file, byte[] hash, List<ParseResult> results, List<Preparation.PreparedRecord> prepared,
                       ReplacedScope scope) {

    /** A file that replaces nothing but its own records. */
    public ReadFile(IncomingFile file, byte[] hash, List<ParseResult> results, List<Preparation.PreparedRecord> prepared) {
        this(file, hash, results, prepared, null);
    }
}
