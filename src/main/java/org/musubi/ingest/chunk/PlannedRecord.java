package org.musubi.ingest.chunk;

import java.util.List;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.record.ResourceRef;

/**
 * A source record a chunk applies: its patient, key and file, whether the source deleted it, whether
 * a version of it was applied before, the range
 * of the chunk's writes that are its resources, and the resources it deletes.
 */
record PlannedRecord(long patientKey, String recordKey, String file, ParseResult.Action action, boolean known,
                     int firstWrite, int writeCount, List<ResourceRef> deletions) {
}
