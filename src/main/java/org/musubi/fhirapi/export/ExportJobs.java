package org.musubi.fhirapi.export;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The exports' rows (table {@code bulk_export_job}, {@code bulk_export_file}). */
public interface ExportJobs {

    void start(ExportJob job);

    Optional<ExportJob> find(UUID id);

    void progress(UUID id, String progress);

    /** Marks a running job done with its files, kept until {@code expiresAt}; false when it is no longer running. */
    boolean done(UUID id, List<ExportJob.ExportFile> files, Instant finishedAt, Instant expiresAt);

    /** Marks a running job failed, kept until {@code expiresAt}; false when it is no longer running. */
    boolean failed(UUID id, String error, Instant finishedAt, Instant expiresAt);

    /** Deletes the job and its file rows; false when there was none. */
    boolean delete(UUID id);

    /** How many exports this user (an API client's) has running. */
    int running(long userId);

    /** The jobs running now, on any node. */
    List<UUID> running();

    /** The finished jobs whose files expired before {@code now}. */
    List<ExportJob> expired(Instant now);
}
