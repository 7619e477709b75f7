package org.musubi.ingest;

import java.util.List;

/**
 * A file an adapter has read: the file, its content hash, one result per record, and for each parsed
 * record its prepared resources (null for a rejection), in the same order.
 */
record ReadFile(IncomingFile file, byte[] hash, List<ParseResult> results, List<Preparation.PreparedRecord> prepared) {
}
