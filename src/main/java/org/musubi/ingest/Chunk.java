package org.musubi.ingest;

import java.util.List;
import java.util.Set;

/**
 * Files of one batch read and stored together, in one transaction, with the ids the batch's facility's imports make.
 * {@code directoryStored}: the ids of directory resources the batch knows are stored (shared by its chunks, added to
 * once stored).
 */
record Chunk(long batchId, long sourceId, ImportIds ids, Long userId, List<ReadFile> files, Set<String> directoryStored) {

    long facilityId() {
        return ids.facilityId();
    }

    List<ParseResult.Parsed> parsed() {
        return files.stream().flatMap(f -> f.results().stream())
                .filter(ParseResult.Parsed.class::isInstance).map(ParseResult.Parsed.class::cast).toList();
    }
}
