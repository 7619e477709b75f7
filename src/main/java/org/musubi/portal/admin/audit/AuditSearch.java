package org.musubi.portal.admin.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditQuery;
import org.musubi.audit.Outcome;

/**
 * The audit search form: dates are calendar days in the operators' time zone, both ends included; a person's regional ID finds the rows
 * written under the ids the person had before (a merge, migration V20) as well; a request id (which the page does not
 * show: issue 63) finds the row of the request a caller quotes.
 */
record AuditSearch(String loginId, Long facilityId, String patientId, LocalDate from, LocalDate to, Outcome outcome,
                   AuditAction action, String requestId) {

    /** {@code names}: the ids the trail knows a person by (a person's regional ID and its former ones). */
    AuditQuery query(Function<String, List<String>> names, ZoneId zone) {
        return new AuditQuery(loginId, facilityId, patientId == null || patientId.isBlank() ? null : names.apply(patientId.strip()),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), outcome, action, requestId);
    }
}
