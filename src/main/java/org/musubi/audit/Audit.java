package org.musubi.audit;

/**
 * The one call that records anything worth auditing. It writes in its own transaction, so a
 * deny or an error is kept even when the caller's work rolls back; if it cannot write, it throws
 * and the caller must not go on.
 */
public interface Audit {

    AuditRecord record(AuditEntry entry);
}
