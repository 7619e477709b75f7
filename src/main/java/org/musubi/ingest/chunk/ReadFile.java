package org.musubi.ingest.chunk;

import java.util.List;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.adapter.ParseResult;

/**
 * A file an adapter has read: the file, its content hash, one result per record, and for each parsed
 * record its prepared resources (null for a rejection), in the same order.
 */
public record ReadFile(IncomingFile file, byte[] hash, List<ParseResult> results, List<Preparation.PreparedRecord> prepared) {
}
