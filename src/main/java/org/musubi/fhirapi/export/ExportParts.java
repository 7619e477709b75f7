package org.musubi.fhirapi.export;

import org.musubi.audit.Audit;
import org.musubi.blob.BlobStore;
import org.musubi.database.JobLocks;
import org.springframework.stereotype.Component;

/** What the kick-off, the runs, the status and the sweep share: the jobs' rows, the files' store, locks, audit, settings. */
@Component
public record ExportParts(ExportJobs jobs, BlobStore blobs, JobLocks locks, Audit audit, ExportProperties properties) {

    /** The job lock a running export holds, on whichever node runs it. */
    static String lock(java.util.UUID job) {
        return "bulk export " + job;
    }
}
