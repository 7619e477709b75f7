package org.musubi.ingest.orca.jdbc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.musubi.ingest.orca.OrcaConnector;
import org.musubi.ingest.orca.OrcaConnectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOrcaConnectors implements OrcaConnectors {

    private final JdbcClient jdbc;

    JdbcOrcaConnectors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OrcaConnector> all() {
        return jdbc.sql("SELECT * FROM orca_connector ORDER BY facility_id").query(JdbcOrcaConnectors::row).list();
    }

    @Override
    public Optional<OrcaConnector> find(long id) {
        return jdbc.sql("SELECT * FROM orca_connector WHERE id = ?").param(id).query(JdbcOrcaConnectors::row).optional();
    }

    @Override
    public Optional<OrcaConnector> ofFacility(long facilityId) {
        return jdbc.sql("SELECT * FROM orca_connector WHERE facility_id = ?").param(facilityId)
                .query(JdbcOrcaConnectors::row).optional();
    }

    @Override
    public OrcaConnector create(long facilityId, String baseUrl, String username, String passwordSealed,
                                int intervalMinutes, boolean enabled, LocalDate pulledThrough) {
        return jdbc.sql("""
                INSERT INTO orca_connector (facility_id, base_url, username, password_sealed, interval_minutes, enabled,
                    pulled_through) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *""")
                .params(facilityId, baseUrl, username, passwordSealed, intervalMinutes, enabled, Date.valueOf(pulledThrough))
                .query(JdbcOrcaConnectors::row).single();
    }

    @Override
    public void update(long id, String baseUrl, String username, String passwordSealed, int intervalMinutes,
                       boolean enabled) {
        jdbc.sql("""
                UPDATE orca_connector SET base_url = ?, username = ?, password_sealed = coalesce(?, password_sealed),
                    interval_minutes = ?, enabled = ? WHERE id = ?""")
                .params(baseUrl, username, passwordSealed, intervalMinutes, enabled, id).update();
    }

    @Override
    public void pulled(long id, LocalDate through, Instant at) {
        jdbc.sql("""
                UPDATE orca_connector SET pulled_through = greatest(pulled_through, ?), last_run_at = ?, last_error = NULL,
                    last_error_at = NULL WHERE id = ?""").params(Date.valueOf(through), Timestamp.from(at), id).update();
    }

    @Override
    public void failed(long id, String error, Instant at) {
        String kept = error == null ? "?" : error.length() > 2000 ? error.substring(0, 2000) : error;
        jdbc.sql("UPDATE orca_connector SET last_run_at = ?, last_error = ?, last_error_at = ? WHERE id = ?")
                .params(Timestamp.from(at), kept, Timestamp.from(at), id).update();
    }

    private static OrcaConnector row(ResultSet rs, int n) throws SQLException {
        Timestamp run = rs.getTimestamp("last_run_at");
        Timestamp errorAt = rs.getTimestamp("last_error_at");
        return new OrcaConnector(rs.getLong("id"), rs.getLong("facility_id"), rs.getString("base_url"),
                rs.getString("username"), rs.getString("password_sealed"), rs.getInt("interval_minutes"),
                rs.getBoolean("enabled"), rs.getDate("pulled_through").toLocalDate(), run == null ? null : run.toInstant(),
                rs.getString("last_error"), errorAt == null ? null : errorAt.toInstant());
    }
}
