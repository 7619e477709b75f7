package org.musubi.audit.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.musubi.audit.Actor;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.Origin;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Maps audit rows to records and back. */
final class AuditRows {

    private AuditRows() {
    }

    static MapSqlParameterSource parameters(AuditRecord r) {
        return new MapSqlParameterSource()
                .addValue("seq", r.seq())
                .addValue("at", Timestamp.from(r.occurredAt()))
                .addValue("userId", r.actor().userId())
                .addValue("loginId", r.actor().loginId())
                .addValue("facilityId", r.actor().facilityId())
                .addValue("profession", r.actor().profession())
                .addValue("ip", r.origin().clientIp())
                .addValue("ua", r.origin().userAgent())
                .addValue("action", r.action().name())
                .addValue("type", r.resourceType())
                .addValue("ids", r.resourceIds().toArray(String[]::new))
                .addValue("patient", r.patientId())
                .addValue("purpose", r.purpose().name())
                .addValue("outcome", r.outcome().name())
                .addValue("reason", r.reason())
                .addValue("requestId", r.origin().requestId())
                .addValue("prev", r.prevHash())
                .addValue("hash", r.hash());
    }

    static AuditRecord read(ResultSet rs, int rowNum) throws SQLException {
        Actor actor = new Actor(nullableLong(rs, "user_id"), rs.getString("login_id"),
                nullableLong(rs, "facility_id"), rs.getString("profession"));
        Origin origin = new Origin(rs.getString("client_ip"), rs.getString("user_agent"), rs.getString("request_id"));
        return new AuditRecord(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), actor, origin,
                AuditAction.valueOf(rs.getString("action")), rs.getString("resource_type"),
                strings(rs.getArray("resource_ids")), rs.getString("patient_id"),
                Purpose.valueOf(rs.getString("purpose")), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("reason"), rs.getBytes("prev_hash"), rs.getBytes("hash"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
