package org.musubi.ingest.chunk;

import java.util.List;
import java.util.Map;
import org.musubi.ingest.adapter.DirectoryResource;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.adapter.ParseResult;

/**
 * Files of one batch read and stored together, in one transaction, with the ids the batch's facility's imports make.
 * {@code directoryIds}: the directory resources the batch knows are stored (shared by its chunks, added to once
 * stored), from the id their content gives ({@link DirectoryResource#id()}) to the id the records refer to them by:
 * the same, or the facility's own id when another facility's resource has it ({@link ImportIds#ownDirectory}), or
 * {@code ""} when neither can be the facility's (the records naming it are rejected).
 */
public record Chunk(long batchId, long sourceId, ImportIds ids, Long userId, List<ReadFile> files, Map<String, String> directoryIds) {

    long facilityId() {
        return ids.facilityId();
    }

    List<ParseResult.Parsed> parsed() {
        return files.stream().flatMap(f -> f.results().stream())
                .filter(ParseResult.Parsed.class::isInstance).map(ParseResult.Parsed.class::cast).toList();
    }
}
