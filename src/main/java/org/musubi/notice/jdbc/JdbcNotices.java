package org.musubi.notice.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.notice.Importance;
import org.musubi.notice.Notice;
import org.musubi.notice.NoticeDraft;
import org.musubi.notice.Notices;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNotices implements Notices {

    private final JdbcClient jdbc;

    JdbcNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Notice> shownAt(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM notice WHERE withdrawn_at IS NULL AND published_from <= :now
                  AND (published_until IS NULL OR published_until > :now)
                ORDER BY importance = 'IMPORTANT' DESC, published_from DESC, id DESC LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(JdbcNotices::read).list();
    }

    @Override
    public Page<Notice> all(PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM notice").query(Long.class).single();
        List<Notice> items = jdbc.sql("SELECT * FROM notice ORDER BY published_from DESC, id DESC LIMIT ? OFFSET ?")
                .params(page.size(), page.offset()).query(JdbcNotices::read).list();
        return new Page<>(items, page, total);
    }

    @Override
    public Optional<Notice> find(long id) {
        return jdbc.sql("SELECT * FROM notice WHERE id = ?").param(id).query(JdbcNotices::read).optional();
    }

    @Override
    public Notice insert(NoticeDraft draft, long userId) {
        return jdbc.sql("""
                INSERT INTO notice (title_ja, title_en, body_ja, body_en, importance, published_from, published_until,
                  created_by)
                VALUES (:titleJa, :titleEn, :bodyJa, :bodyEn, :importance, :from, :until, :user) RETURNING *""")
                .paramSource(params(draft).addValue("user", userId)).query(JdbcNotices::read).single();
    }

    @Override
    public Notice update(long id, NoticeDraft draft) {
        return jdbc.sql("""
                UPDATE notice SET title_ja = :titleJa, title_en = :titleEn, body_ja = :bodyJa, body_en = :bodyEn,
                  importance = :importance, published_from = :from, published_until = :until, updated_at = now()
                WHERE id = :id RETURNING *""")
                .paramSource(params(draft).addValue("id", id)).query(JdbcNotices::read).single();
    }

    @Override
    public boolean withdraw(long id, long userId) {
        return jdbc.sql("UPDATE notice SET withdrawn_at = now(), withdrawn_by = ? WHERE id = ? AND withdrawn_at IS NULL")
                .params(userId, id).update() == 1;
    }

    private static MapSqlParameterSource params(NoticeDraft d) {
        return new MapSqlParameterSource()
                .addValue("titleJa", d.titleJa()).addValue("titleEn", d.titleEn())
                .addValue("bodyJa", d.bodyJa()).addValue("bodyEn", d.bodyEn())
                .addValue("importance", d.importance().name())
                .addValue("from", Timestamp.from(d.publishedFrom()))
                .addValue("until", d.publishedUntil() == null ? null : Timestamp.from(d.publishedUntil()));
    }

    private static Notice read(ResultSet rs, int row) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("title_ja"), rs.getString("title_en"), rs.getString("body_ja"),
                rs.getString("body_en"), Importance.valueOf(rs.getString("importance")), instant(rs, "published_from"),
                instant(rs, "published_until"), instant(rs, "withdrawn_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
