package org.musubi.audit.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.musubi.audit.Actor;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.Origin;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.database.ArraySlices;

/** Maps audit rows to records and back. */
final class AuditRows {

    /** Inserts many rows in one statement, one array per column (see {@link #columns}). */
    static final String INSERT_ALL = """
            INSERT INTO audit_event (seq, occurred_at, user_id, login_id, facility_id, profession, client_ip,
              user_agent, action, resource_type, resource_ids, patient_id, purpose, outcome, reason, request_id,
              prev_hash, hash)
            SELECT seq, occurred_at, user_id, login_id, facility_id, profession, client_ip, user_agent, action,
              resource_type, string_to_array(resource_ids, chr(30)), patient_id, purpose, outcome, reason, request_id,
              prev_hash, hash
            FROM unnest(?::bigint[], ?::timestamptz[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[],
              ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
              ?::bytea[], ?::bytea[])
              AS u(seq, occurred_at, user_id, login_id, facility_id, profession, client_ip, user_agent, action,
                resource_type, resource_ids, patient_id, purpose, outcome, reason, request_id, prev_hash, hash)""";

    private AuditRows() {
    }

    /** The parameters of {@link #INSERT_ALL}: each column of the rows as an array; resource ids joined by U+001E. */
    static Object[] columns(List<AuditRecord> rows) {
        return new Object[] {
            column(rows, AuditRecord::seq, Long[]::new), column(rows, r -> r.occurredAt().toString(), String[]::new),
            column(rows, r -> r.actor().userId(), Long[]::new), column(rows, r -> r.actor().loginId(), String[]::new),
            column(rows, r -> r.actor().facilityId(), Long[]::new), column(rows, r -> r.actor().profession(), String[]::new),
            column(rows, r -> r.origin().clientIp(), String[]::new), column(rows, r -> r.origin().userAgent(), String[]::new),
            column(rows, r -> r.action().name(), String[]::new), column(rows, AuditRecord::resourceType, String[]::new),
            column(rows, r -> String.join("\u001e", r.resourceIds()), String[]::new),
            column(rows, AuditRecord::patientId, String[]::new), column(rows, r -> r.purpose().name(), String[]::new),
            column(rows, r -> r.outcome().name(), String[]::new), column(rows, AuditRecord::reason, String[]::new),
            column(rows, r -> r.origin().requestId(), String[]::new), column(rows, AuditRecord::prevHash, byte[][]::new),
            column(rows, AuditRecord::hash, byte[][]::new)};
    }

    /** About the bytes a row's values take as array elements ({@link ArraySlices}). */
    static int size(AuditRecord row) {
        return 160 + ArraySlices.joined(row.resourceIds()) + ArraySlices.texts(row.actor().loginId(), row.actor().profession(),
                row.origin().clientIp(), row.origin().userAgent(), row.resourceType(), row.patientId(), row.reason(),
                row.origin().requestId());
    }

    private static <T> T[] column(List<AuditRecord> rows, Function<AuditRecord, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
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
