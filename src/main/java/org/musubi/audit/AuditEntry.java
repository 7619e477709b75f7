package org.musubi.audit;

import java.util.Arrays;
import java.util.List;

/**
 * What a caller tells the audit trail; who and where from are filled in from the current request
 * unless {@code actor} is given (as for a failed login, where there is no signed-in user yet).
 */
public record AuditEntry(
        AuditAction action,
        String resourceType,
        List<String> resourceIds,
        String patientId,
        Purpose purpose,
        Outcome outcome,
        String reason,
        Actor actor) {

    public AuditEntry {
        resourceIds = resourceIds == null ? List.of() : List.copyOf(resourceIds);
    }

    public static AuditEntry of(AuditAction action, Outcome outcome) {
        return new AuditEntry(action, null, List.of(), null, Purpose.OPERATIONS, outcome, null, null);
    }

    public AuditEntry on(String type, Object... ids) {
        List<String> texts = Arrays.stream(ids).map(String::valueOf).toList();
        return new AuditEntry(action, type, texts, patientId, purpose, outcome, reason, actor);
    }

    public AuditEntry patient(String id) {
        return new AuditEntry(action, resourceType, resourceIds, id, purpose, outcome, reason, actor);
    }

    public AuditEntry purpose(Purpose why) {
        return new AuditEntry(action, resourceType, resourceIds, patientId, why, outcome, reason, actor);
    }

    public AuditEntry reason(String text) {
        return new AuditEntry(action, resourceType, resourceIds, patientId, purpose, outcome, text, actor);
    }

    public AuditEntry by(Actor who) {
        return new AuditEntry(action, resourceType, resourceIds, patientId, purpose, outcome, reason, who);
    }
}
