package org.musubi.portal.admin;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.musubi.audit.AuditRecord;

/** RFC 4180 CSV lines of audit rows (times in UTC ISO-8601). */
final class AuditCsv {

    static final String HEADER = "seq,occurred_at_utc,user_id,login_id,facility_id,profession,client_ip,user_agent,"
            + "action,resource_type,resource_ids,patient_id,purpose,outcome,reason,request_id\r\n";

    private AuditCsv() {
    }

    static String line(AuditRecord r) {
        return Stream.of(r.seq(), r.occurredAt(), r.actor().userId(), r.actor().loginId(), r.actor().facilityId(),
                        r.actor().profession(), r.origin().clientIp(), r.origin().userAgent(), r.action(),
                        r.resourceType(), String.join(" ", r.resourceIds()), r.patientId(), r.purpose(),
                        r.outcome(), r.reason(), r.origin().requestId())
                .map(AuditCsv::field)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading =, +, - or @ would be run as a formula by spreadsheet programs.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
