package org.musubi.audit;

import java.time.Instant;

/** Search criteria for the audit trail; null fields do not filter. */
public record AuditQuery(String loginId, Long facilityId, String patientId, Instant from, Instant to,
                         Outcome outcome, AuditAction action) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }
}
