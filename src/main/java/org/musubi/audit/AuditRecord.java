package org.musubi.audit;

import java.time.Instant;
import java.util.List;

/** One stored row of the audit trail, with its place in the hash chain. */
public record AuditRecord(
        long seq,
        Instant occurredAt,
        Actor actor,
        Origin origin,
        AuditAction action,
        String resourceType,
        List<String> resourceIds,
        String patientId,
        Purpose purpose,
        Outcome outcome,
        String reason,
        byte[] prevHash,
        byte[] hash) {

    public AuditRecord {
        resourceIds = List.copyOf(resourceIds);
    }

    public AuditRecord chainedTo(long newSeq, byte[] previous) {
        AuditRecord unsealed = new AuditRecord(newSeq, occurredAt, actor, origin, action, resourceType,
                resourceIds, patientId, purpose, outcome, reason, previous, null);
        return new AuditRecord(newSeq, occurredAt, actor, origin, action, resourceType, resourceIds,
                patientId, purpose, outcome, reason, previous, AuditChain.hash(previous, unsealed));
    }
}
