package org.musubi.audit;

import java.time.Instant;
import java.util.List;

/**
 * Search criteria for the audit trail; null fields do not filter. {@code patientIds}: the rows that name any of
 * these persons (a person's regional ID and the ones the trail knew it by before: see
 * {@code IdentityStore.namesInAudit}); null or empty does not filter.
 */
public record AuditQuery(String loginId, Long facilityId, List<String> patientIds, Instant from, Instant to,
                         Outcome outcome, AuditAction action) {

    public AuditQuery {
        patientIds = patientIds == null ? List.of()
                : patientIds.stream().filter(id -> id != null && !id.isBlank()).map(String::strip).distinct().toList();
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }
}
