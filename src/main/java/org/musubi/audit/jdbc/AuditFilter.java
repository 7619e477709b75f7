package org.musubi.audit.jdbc;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musubi.audit.AuditQuery;

/** A WHERE clause with named parameters built from an {@link AuditQuery}. */
record AuditFilter(String where, Map<String, Object> params) {

    static AuditFilter of(AuditQuery q) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        add(conditions, params, "login_id = :loginId", "loginId", q.loginId() == null || q.loginId().isBlank() ? null : q.loginId().strip().toLowerCase(Locale.ROOT));
        add(conditions, params, "facility_id = :facilityId", "facilityId", q.facilityId());
        add(conditions, params, "patient_id = ANY(:patientIds)", "patientIds",
                q.patientIds().isEmpty() ? null : q.patientIds().toArray(String[]::new));
        add(conditions, params, "occurred_at >= :from", "from", q.from() == null ? null : Timestamp.from(q.from()));
        add(conditions, params, "occurred_at < :to", "to", q.to() == null ? null : Timestamp.from(q.to()));
        add(conditions, params, "outcome = :outcome", "outcome", q.outcome() == null ? null : q.outcome().name());
        add(conditions, params, "action = :action", "action", q.action() == null ? null : q.action().name());
        add(conditions, params, "request_id = :requestId", "requestId", q.requestId());
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new AuditFilter(where, params);
    }

    /** The parameters in the order their placeholders appear, for positional statements. */
    Object[] positional() {
        return params.values().toArray();
    }

    private static void add(List<String> conditions, Map<String, Object> params, String condition,
                            String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
    }
}
