package org.musubi.audit;

import java.util.List;
import java.util.function.Supplier;

/**
 * The one call that records anything worth auditing. It writes in its own transaction, so a
 * deny or an error is kept even when the caller's work rolls back; if it cannot write, it throws
 * and the caller must not go on.
 */
public interface Audit {

    AuditRecord record(AuditEntry entry);

    /**
     * Records several entries in one transaction, in the given order, as consecutive rows of the
     * chain: the same rows, hashes and guarantees as recording them one by one, all or none.
     */
    List<AuditRecord> recordAll(List<AuditEntry> entries);

    /**
     * As {@link #recordAll}, but inside the caller's transaction, which must exist: the rows are kept
     * exactly when the caller's work commits (for writes whose audit must never be missing nor claim
     * what was not stored). The chain head stays locked until that commit, so call it last.
     */
    List<AuditRecord> recordAllInTransaction(List<AuditEntry> entries);

    /**
     * Runs {@code work} as one database transaction that every write it makes joins, all or nothing, whose audit
     * never claims what was rolled back: the PERMIT entries recorded meanwhile are kept aside and appended, in their
     * order, at the end of the work's own transaction, so they commit with it or not at all (a crash between the two
     * can leave neither a write without its row nor a row without its write); DENY and ERROR entries are recorded
     * at once, as always, so a refusal that rolls the work back is kept. Inside such work already, it just runs
     * {@code work}. {@link #record} answers null for an entry kept aside. For work that spans several modules'
     * writes, such as a transaction Bundle that registers patients (名寄せ included) and stores their resources.
     */
    default <T> T allOrNothing(Supplier<T> work) {
        return work.get();
    }

    /**
     * Whether anything was recorded for the HTTP request being served (false outside one), so that a failure
     * handler can make sure every attempt leaves one row without writing a second.
     */
    default boolean recordedForCurrentRequest() {
        return false;
    }
}
