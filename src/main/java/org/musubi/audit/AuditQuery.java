package org.musubi.audit;

import java.time.Instant;
import java.util.List;

/**
 * Search criteria for the audit trail; null fields do not filter. {@code patientIds}: the rows that name any of
 * these persons (a person's regional ID and the ones the trail knew it by before: see
 * {@code IdentityStore.namesInAudit}); null or empty does not filter. {@code requestId}: the row of the request a
 * caller quotes (the {@code X-Request-Id} Musubi answered them with); null or blank does not filter.
 */
public record AuditQuery(String loginId, Long facilityId, List<String> patientIds, Instant from, Instant to,
                         Outcome outcome, AuditAction action, String requestId) {

    public AuditQuery {
        patientIds = patientIds == null ? List.of()
                : patientIds.stream().filter(id -> id != null && !id.isBlank()).map(String::strip).distinct().toList();
        requestId = requestId == null || requestId.isBlank() ? null : requestId.strip();
    }

    /** The criteria without a request id. */
    public AuditQuery(String loginId, Long facilityId, List<String> patientIds, Instant from, Instant to,
                      Outcome outcome, AuditAction action) {
        this(loginId, facilityId, patientIds, from, to, outcome, action, null);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, null);
    }
}
