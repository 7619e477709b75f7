package org.musubi.ingest.ledger;

import java.util.List;
import org.musubi.ingest.BatchCounts;
import org.musubi.record.ResourceRef;
import org.musubi.record.ResourceWrite;

/**
 * Everything one chunk of a batch stores, committed in one transaction: the resources written and
 * deleted, the new state of each applied source record, the files done and the problems found, and
 * the counters to add to the batch.
 */
public record ChunkPlan(long batchId, long sourceId, long facilityId, Long userId, List<ResourceWrite> writes,
                        List<ResourceRef> deletions, List<RecordState> records, List<FileDone> files,
                        List<ProblemRow> problems, BatchCounts counts) {

    public ChunkPlan {
        writes = List.copyOf(writes);
        deletions = List.copyOf(deletions);
        records = List.copyOf(records);
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
