package org.musubi.ingest;

import java.util.List;

/** A file an adapter has read: the file, its content hash and one result per record. */
record ReadFile(IncomingFile file, byte[] hash, List<ParseResult> results) {
}
