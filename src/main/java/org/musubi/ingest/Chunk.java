package org.musubi.ingest;

import java.util.List;

/** Files of one batch read and stored together, in one transaction. */
record Chunk(long batchId, long sourceId, long facilityId, Long userId, List<ReadFile> files) {

    List<ParseResult.Parsed> parsed() {
        return files.stream().flatMap(f -> f.results().stream())
                .filter(ParseResult.Parsed.class::isInstance).map(ParseResult.Parsed.class::cast).toList();
    }
}
