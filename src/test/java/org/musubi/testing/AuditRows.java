package org.musubi.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what the audit trail holds, so tests can assert the records they expect (IPF habit). */
@Component
public class AuditRows {

    private final JdbcClient jdbc;

    AuditRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long max() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
    }

    /** "ACTION OUTCOME reason" for each row after {@code afterSeq} about this patient (regional id), in order. */
    public List<String> forPatient(long afterSeq, String patientId) {
        return jdbc.sql("""
                SELECT action || ' ' || outcome || coalesce(' ' || reason, '') FROM audit_event
                WHERE seq > ? AND patient_id = ? ORDER BY seq""").params(afterSeq, patientId).query(String.class).list();
    }

    /** "ACTION OUTCOME reason" for each row after {@code afterSeq} about this login id, in order. */
    public List<String> since(long afterSeq, String loginId) {
        return jdbc.sql("""
                SELECT action || ' ' || outcome || coalesce(' ' || reason, '') FROM audit_event
                WHERE seq > ? AND login_id = ? ORDER BY seq""").params(afterSeq, loginId).query(String.class).list();
    }

    /** The resource ids each row after {@code afterSeq} of this login id names, in order. */
    public List<List<String>> resourceIds(long afterSeq, String loginId) {
        return jdbc.sql("SELECT resource_ids FROM audit_event WHERE seq > ? AND login_id = ? ORDER BY seq")
                .params(afterSeq, loginId).query((rs, row) -> List.of((String[]) rs.getArray(1).getArray())).list();
    }

    /** The reasons of the rows after {@code afterSeq} of this action on this resource type, in order. */
    public List<String> reasons(long afterSeq, String action, String resourceType) {
        return jdbc.sql("""
                SELECT coalesce(reason, '') FROM audit_event WHERE seq > ? AND action = ? AND resource_type = ?
                ORDER BY seq""").params(afterSeq, action, resourceType).query(String.class).list();
    }

    /** The request ids of the rows after {@code afterSeq} about this login id, in order. */
    public List<String> requestIds(long afterSeq, String loginId) {
        return jdbc.sql("SELECT request_id FROM audit_event WHERE seq > ? AND login_id = ? ORDER BY seq")
                .params(afterSeq, loginId).query(String.class).list();
    }

    /** "ACTION OUTCOME reason" for each row after {@code afterSeq} of this request id (whoever the actor), in order. */
    public List<String> ofRequest(long afterSeq, String requestId) {
        return jdbc.sql("""
                SELECT action || ' ' || outcome || coalesce(' ' || reason, '') FROM audit_event
                WHERE seq > ? AND request_id = ? ORDER BY seq""").params(afterSeq, requestId).query(String.class).list();
    }

    /** How many rows were written after {@code afterSeq} for this user (a person or an API client's user). */
    public long countByUser(long afterSeq, long userId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE seq > ? AND user_id = ?").params(afterSeq, userId)
                .query(Long.class).single();
    }

    /** One row as a test sees it: its action, outcome, patient (regional id), purpose, reason and resource ids. */
    public record Row(String action, String outcome, String patientId, String purpose, String reason, String resourceType,
                      List<String> resourceIds) {
    }

    /** The rows after {@code afterSeq} about this login id, in order, with the fields the import and record tests assert. */
    public List<Row> rows(long afterSeq, String loginId) {
        return jdbc.sql("""
                SELECT action, outcome, patient_id, purpose, reason, resource_type, resource_ids FROM audit_event
                WHERE seq > ? AND login_id = ? ORDER BY seq""").params(afterSeq, loginId).query(AuditRows::row).list();
    }

    /** Every row after {@code afterSeq}, in order (for a test that alone writes meanwhile). */
    public List<Row> rowsSince(long afterSeq) {
        return jdbc.sql("""
                SELECT action, outcome, patient_id, purpose, reason, resource_type, resource_ids FROM audit_event
                WHERE seq > ? ORDER BY seq""").params(afterSeq).query(AuditRows::row).list();
    }

    /** The rows after {@code afterSeq} that name a resource id containing {@code text} (e.g. a random id), in order. */
    public List<Row> naming(long afterSeq, String text) {
        return jdbc.sql("""
                SELECT action, outcome, patient_id, purpose, reason, resource_type, resource_ids FROM audit_event
                WHERE seq > ? AND EXISTS (SELECT 1 FROM unnest(resource_ids) AS r(id) WHERE strpos(r.id, ?) > 0)
                ORDER BY seq""").params(afterSeq, text).query(AuditRows::row).list();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                List.of((String[]) rs.getArray(7).getArray()));
    }

    /** How many rows were written after {@code afterSeq}. */
    public long countSince(long afterSeq) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE seq > ?").param(afterSeq).query(Long.class).single();
    }
}
