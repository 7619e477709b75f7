package org.musubi.imaging.ai;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The work items ({@code ai_work_item}): studies sent to services, their states, retries and findings. */
public interface AiWorkItems {

    /**
     * Queues study {@code studyUid} for service {@code serviceId} (first attempt at {@code now}); the open work item
     * of that service and study when there is one already (at most one is open).
     */
    AiWorkItem queue(long serviceId, String studyUid, Long requestedBy, Instant now);

    Optional<AiWorkItem> find(long id);

    /** QUEUED work items whose next attempt is due at {@code now}, oldest first. */
    List<AiWorkItem> due(Instant now, int limit);

    /** SENT work items sent before {@code cutoff} (waiting for findings too long). */
    List<AiWorkItem> sentBefore(Instant cutoff, int limit);

    /**
     * Stores {@code after} (state, attempts, next attempt, sent, report, last error) if the work item is still in
     * state {@code from}; false when another step came first.
     */
    boolean step(AiWorkItem after, WorkState from, Instant now);

    /** Marks that the service read the work item's pixels; true only the first time. */
    boolean pixelsRead(long id);

    /** The newest work items, for the operators' list. */
    List<AiWorkItem> recent(int limit);

    /** The DONE work items of a study, newest first. */
    List<AiWorkItem> doneOf(String studyUid);

    /**
     * The studies indexed after the service's mark whose first modality it takes and that were never sent to it (no
     * QUEUED, SENT or DONE work item), oldest first, with when each was indexed.
     */
    List<Indexed> indexedSince(AiService service, int limit);

    /** A study of the index and when it was indexed. */
    record Indexed(String studyUid, Instant indexedAt) {
    }
}
