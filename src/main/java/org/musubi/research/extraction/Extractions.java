package org.musubi.research.extraction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The extractions and the projects' keys. */
public interface Extractions {

    /** How often an extraction whose node died is started again before it fails. */
    int MAX_ATTEMPTS = 3;

    /** Queues an extraction; its id. */
    long queue(long projectId, long userId, int kThreshold);

    Optional<Extraction> find(long id);

    /** A project's extractions, newest first. */
    List<Extraction> ofProject(long projectId);

    /**
     * Extractions left RUNNING by a node that died (the caller holds the job's lock, so no one runs them): back to
     * QUEUED, or FAILED after {@link #MAX_ATTEMPTS}. How many were touched.
     */
    int requeueInterrupted();

    /** The oldest QUEUED extraction, now RUNNING (an attempt more, started now). */
    Optional<Extraction> claimNext();

    /** Marks it DONE with its files and report; the files expire at {@code expiresAt}. */
    void done(long id, List<Extraction.File> files, String report, Instant expiresAt);

    /**
     * Cancels it (its error becomes {@code cancelled}): a QUEUED one is FAILED at once and never runs; a RUNNING one
     * ends expired when it is done (its files then swept); a DONE one expires now.
     */
    void cancel(long id);

    /** Marks it FAILED; {@code error} names the kind of failure. */
    void failed(long id, String error);

    /**
     * The extractions whose files are to be deleted at {@code now}: expired, or of a project no longer approved or past
     * its period (Japan's day {@code today}).
     */
    List<Extraction> toSweep(Instant now, java.time.LocalDate today);

    /** Records that its files were deleted. */
    void filesDeleted(long id, Instant at);

    /** The project's key, made (from {@code fresh}) at its first use; the same ever after. */
    byte[] projectKey(long projectId, byte[] fresh);
}
