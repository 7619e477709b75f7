package org.musubi.ingest.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcImportSources implements ImportSources {

    private final JdbcClient jdbc;

    JdbcImportSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImportSource create(long facilityId, ImportKind kind, String name, String location, boolean watch) {
        return jdbc.sql("""
                INSERT INTO import_source (facility_id, kind, name, location, watch) VALUES (?, ?, ?, ?, ?) RETURNING *""")
                .params(facilityId, kind.name(), name, location, watch).query(JdbcImportSources::source).single();
    }

    @Override
    public Optional<ImportSource> find(long id) {
        return jdbc.sql("SELECT * FROM import_source WHERE id = ?").param(id).query(JdbcImportSources::source).optional();
    }

    @Override
    public Optional<ImportSource> find(long facilityId, ImportKind kind, String name) {
        return jdbc.sql("SELECT * FROM import_source WHERE facility_id = ? AND kind = ? AND name = ?")
                .params(facilityId, kind.name(), name).query(JdbcImportSources::source).optional();
    }

    @Override
    public ImportSource findOrCreate(long facilityId, ImportKind kind, String name, String location) {
        jdbc.sql("""
                INSERT INTO import_source (facility_id, kind, name, location) VALUES (?, ?, ?, ?)
                ON CONFLICT (facility_id, kind, name) DO NOTHING""").params(facilityId, kind.name(), name, location).update();
        return find(facilityId, kind, name).orElseThrow();
    }

    @Override
    public List<ImportSource> all() {
        return jdbc.sql("SELECT * FROM import_source ORDER BY facility_id, kind, name").query(JdbcImportSources::source).list();
    }

    @Override
    public void update(long id, String location, boolean watch, boolean active) {
        jdbc.sql("UPDATE import_source SET location = ?, watch = ?, active = ? WHERE id = ?")
                .params(location, watch, active, id).update();
    }

    private static ImportSource source(ResultSet rs, int row) throws SQLException {
        return new ImportSource(rs.getLong("id"), rs.getLong("facility_id"), ImportKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("location"), rs.getBoolean("watch"), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }
}
