package org.musubi.imaging.ai;

import java.time.Duration;
import java.time.Instant;

/**
 * One study sent to one AI service. {@code requestedBy} is the user who asked (null: sent automatically); {@code
 * attempts} counts the sends the service did not take; {@code reportId} names the DiagnosticReport its findings became.
 */
public record AiWorkItem(long id, long serviceId, String studyUid, Long requestedBy, WorkState state, int attempts,
                         Instant nextAttemptAt, Instant sentAt, boolean pixelsRead, String reportId, String lastError,
                         Instant createdAt) {

    /** Sends tried before a work item fails: the first and four retries. */
    public static final int MAX_ATTEMPTS = 5;
    /** How long a sent work item waits for its findings before it fails. */
    public static final Duration FINDINGS_TIMEOUT = Duration.ofHours(6);

    /**
     * When the next send is tried after {@code attempts} failed ones: 30 s doubled each time (30 s, 1 min, 2 min,
     * 4 min), or null when they are used up (the work item fails).
     */
    public static Instant retryAt(int attempts, Instant now) {
        if (attempts >= MAX_ATTEMPTS) {
            return null;
        }
        return now.plusSeconds(30L << Math.max(0, attempts - 1));
    }

    /** Whether a sent work item waited too long for its findings at {@code now}. */
    public boolean timedOut(Instant now) {
        return state == WorkState.SENT && sentAt != null && sentAt.plus(FINDINGS_TIMEOUT).isBefore(now);
    }

    /**
     * This work item after a step to {@code to}: with {@code attempts} failed sends, its next attempt at {@code next}
     * (QUEUED), sent at {@code sent}, its report {@code report} and its last error {@code error} (null keeps none).
     */
    public AiWorkItem moved(WorkState to, int attempts, Instant next, Instant sent, String report, String error) {
        return new AiWorkItem(id, serviceId, studyUid, requestedBy, to, attempts, next == null ? nextAttemptAt : next,
                sent, pixelsRead, report, error, createdAt);
    }
}
