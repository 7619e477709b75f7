package org.musubi.portal.admin.audit;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.musubi.audit.AuditRecord;
import org.musubi.text.csv.CsvWriter;

/**
 * RFC 4180 CSV lines of audit rows (times in UTC ISO-8601), written by {@link CsvWriter} (a value a spreadsheet program
 * would run as a formula is prefixed with {@code '}).
 */
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
        return CsvWriter.field(value);
    }
}
