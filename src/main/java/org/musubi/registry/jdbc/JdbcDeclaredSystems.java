package org.musubi.registry.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.musubi.registry.Facility;
import org.musubi.registry.systems.DeclaredSystem;
import org.musubi.registry.systems.DeclaredSystems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDeclaredSystems implements DeclaredSystems {

    private final JdbcClient jdbc;

    JdbcDeclaredSystems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DeclaredSystem> of(long facilityId) {
        return jdbc.sql("SELECT * FROM facility_identifier_system WHERE facility_id = ? ORDER BY declared_at, system")
                .param(facilityId).query(JdbcDeclaredSystems::read).list();
    }

    @Override
    public Optional<DeclaredSystem> find(String system) {
        return jdbc.sql("SELECT * FROM facility_identifier_system WHERE system = ?").param(system)
                .query(JdbcDeclaredSystems::read).optional();
    }

    @Override
    public Optional<Facility> facilityOf(String system) {
        return RequestMemo.find("facility-by-system", system, () -> jdbc.sql(JdbcFacilities.SELECT
                        + " WHERE f.id = (SELECT facility_id FROM facility_identifier_system WHERE system = ?)")
                .param(system).query(JdbcFacilities::read).optional());
    }

    @Override
    public Optional<DeclaredSystem> insert(long facilityId, String system, long userId) {
        RequestMemo.forget();
        return jdbc.sql("""
                INSERT INTO facility_identifier_system (system, facility_id, declared_by) VALUES (?, ?, ?)
                ON CONFLICT (system) DO NOTHING RETURNING *""").params(system, facilityId, userId)
                .query(JdbcDeclaredSystems::read).optional();
    }

    @Override
    public boolean delete(long facilityId, String system) {
        RequestMemo.forget();
        return jdbc.sql("DELETE FROM facility_identifier_system WHERE facility_id = ? AND system = ?")
                .params(facilityId, system).update() == 1;
    }

    private static DeclaredSystem read(ResultSet rs, int row) throws SQLException {
        return new DeclaredSystem(rs.getString("system"), rs.getLong("facility_id"), rs.getLong("declared_by"),
                rs.getTimestamp("declared_at").toInstant());
    }
}
