package org.musubi.portal.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditQuery;
import org.musubi.audit.Outcome;

/** The audit search form: dates are Japanese calendar days, both ends included. */
record AuditSearch(String loginId, Long facilityId, String patientId, LocalDate from, LocalDate to, Outcome outcome,
                   AuditAction action) {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    AuditQuery query() {
        return new AuditQuery(loginId, facilityId, patientId,
                from == null ? null : from.atStartOfDay(JAPAN).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(JAPAN).toInstant(), outcome, action);
    }
}
