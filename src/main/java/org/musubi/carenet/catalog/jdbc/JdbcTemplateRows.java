package org.musubi.carenet.catalog.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.musubi.carenet.catalog.TemplateRow;
import org.musubi.carenet.catalog.TemplateRows;
import org.musubi.carenet.catalog.TemplateStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The template versions in {@code pathway_template} (V55). */
@Repository
class JdbcTemplateRows implements TemplateRows {

    private final JdbcClient jdbc;

    JdbcTemplateRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM pathway_template)").query(Boolean.class).single();
    }

    @Override
    public List<TemplateRow> all() {
        return jdbc.sql("SELECT * FROM pathway_template ORDER BY code, version DESC").query(JdbcTemplateRows::read).list();
    }

    @Override
    public List<TemplateRow> of(String code) {
        return jdbc.sql("SELECT * FROM pathway_template WHERE code = ? ORDER BY version DESC").param(code)
                .query(JdbcTemplateRows::read).list();
    }

    @Override
    public Optional<TemplateRow> find(String code, int version) {
        return jdbc.sql("SELECT * FROM pathway_template WHERE code = ? AND version = ?").params(code, version)
                .query(JdbcTemplateRows::read).optional();
    }

    @Override
    public List<TemplateRow> currentPublished() {
        return jdbc.sql("""
                SELECT DISTINCT ON (code) * FROM pathway_template WHERE status = 'PUBLISHED'
                ORDER BY code, version DESC""").query(JdbcTemplateRows::read).list();
    }

    @Override
    public int seed(List<String> codes, Function<String, String> body) {
        int stored = 0;
        for (String code : codes) {
            stored += jdbc.sql("""
                    INSERT INTO pathway_template (code, version, status, body, published_at)
                    VALUES (?, 1, 'PUBLISHED', ?, now()) ON CONFLICT DO NOTHING""")
                    .params(code, body.apply(code)).update();
        }
        return stored;
    }

    @Override
    public boolean insert(String code, int version, TemplateStatus status, String body, Long userId) {
        return jdbc.sql("""
                INSERT INTO pathway_template (code, version, status, body, created_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""").params(code, version, status.name(), body, userId).update() == 1;
    }

    @Override
    public boolean updateDraft(String code, int version, String body) {
        return jdbc.sql("""
                UPDATE pathway_template SET body = ?, updated_at = now()
                WHERE code = ? AND version = ? AND status = 'DRAFT'""").params(body, code, version).update() == 1;
    }

    @Override
    public boolean publish(String code, int version, long userId) {
        return jdbc.sql("""
                UPDATE pathway_template SET status = 'PUBLISHED', published_by = ?, published_at = now(), updated_at = now()
                WHERE code = ? AND version = ? AND status = 'DRAFT'""").params(userId, code, version).update() == 1;
    }

    @Override
    public boolean retire(String code, int version, long userId) {
        return jdbc.sql("""
                UPDATE pathway_template SET status = 'RETIRED', retired_by = ?, retired_at = now(), updated_at = now()
                WHERE code = ? AND version = ? AND status = 'PUBLISHED'""").params(userId, code, version).update() == 1;
    }

    private static TemplateRow read(ResultSet rs, int row) throws SQLException {
        long createdBy = rs.getLong("created_by");
        Long creator = rs.wasNull() ? null : createdBy;
        long publishedBy = rs.getLong("published_by");
        Long publisher = rs.wasNull() ? null : publishedBy;
        Timestamp published = rs.getTimestamp("published_at");
        return new TemplateRow(rs.getString("code"), rs.getInt("version"), TemplateStatus.valueOf(rs.getString("status")),
                rs.getString("body"), creator, rs.getTimestamp("created_at").toInstant(), publisher,
                published == null ? null : published.toInstant());
    }
}
