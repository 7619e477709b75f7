package org.musubi.portal.admin.audit;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.musubi.audit.AuditRecord;

/**
 * RFC 4180 CSV lines of audit rows (times in UTC ISO-8601). A value a spreadsheet program would run
 * as a formula is prefixed with {@code '}: one that begins (after any spaces) with = + - @, a tab, a
 * carriage return or a line feed, or their full-width forms ＝ ＋ － ＠.
 */
final class AuditCsv {

    private static final String FORMULA_TRIGGERS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

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
        if (startsAFormula(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean startsAFormula(String text) {
        int at = 0;
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\u3000')) {
            at++;
        }
        return at < text.length() && FORMULA_TRIGGERS.indexOf(text.charAt(at)) >= 0;
    }
}
