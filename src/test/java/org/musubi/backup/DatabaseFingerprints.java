package org.musubi.backup;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.musubi.audit.Actor;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditChain;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.Origin;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.audit.VerificationReport;

/**
 * A database's content as the drill compares it, computed apart from the backup's own code: for every table
 * its row count and an MD5 over the sorted MD5s of its rows' text, and the audit chain checked row by row.
 */
final class DatabaseFingerprints {

    private DatabaseFingerprints() {
    }

    /** Table name to "rows:fingerprint"; audit rows from {@code auditBelow} on are left out (later appends). */
    static Map<String, String> of(DataSource database, long auditBelow) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = database.getConnection()) {
            for (String table : tables(connection)) {
                String where = table.equals("audit_event") ? " WHERE seq < " + auditBelow : "";
                try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                        "SELECT count(*), coalesce(md5(string_agg(md5(t::text), ',' ORDER BY md5(t::text))), '-') FROM \""
                                + table + "\" t" + where)) {
                    row.next();
                    tables.put(table, row.getLong(1) + ":" + row.getString(2));
                }
            }
        }
        return tables;
    }

    /** Verifies the audit chain with the application's own rules, reading the rows directly. */
    static VerificationReport auditChain(DataSource database) throws SQLException {
        List<AuditRecord> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT * FROM audit_event ORDER BY seq")) {
                while (rs.next()) {
                    rows.add(record(rs));
                }
            }
            try (ResultSet head = statement.executeQuery("SELECT seq, hash FROM audit_chain_head")) {
                head.next();
                return AuditChain.verify(rows.iterator(), head.getLong(1), head.getBytes(2));
            }
        }
    }

    /** The first column of the first row, as text; null when there is no row. */
    static String single(DataSource database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'
                AND relname <> 'flyway_schema_history' ORDER BY relname""")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        Array ids = rs.getArray("resource_ids");
        return new AuditRecord(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                new Actor((Long) rs.getObject("user_id"), rs.getString("login_id"), (Long) rs.getObject("facility_id"),
                        rs.getString("profession")),
                new Origin(rs.getString("client_ip"), rs.getString("user_agent"), rs.getString("request_id")),
                AuditAction.valueOf(rs.getString("action")), rs.getString("resource_type"),
                Arrays.asList((String[]) ids.getArray()), rs.getString("patient_id"), Purpose.valueOf(rs.getString("purpose")),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"), rs.getBytes("prev_hash"), rs.getBytes("hash"));
    }
}
