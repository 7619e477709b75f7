package org.musubi.phr.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.musubi.phr.Inquiries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcInquiries implements Inquiries {

    private static final String COLUMNS = "id, person_id, audit_seq, message, asked_at, answered_at, answer";
    private final JdbcClient jdbc;

    JdbcInquiries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long add(long personId, long auditSeq, String message, long askedBy) {
        return jdbc.sql("INSERT INTO phr_inquiry (person_id, audit_seq, message, asked_by) VALUES (?, ?, ?, ?) RETURNING id")
                .params(personId, auditSeq, message, askedBy).query(Long.class).single();
    }

    @Override
    public List<Inquiry> open(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM phr_inquiry WHERE answered_at IS NULL ORDER BY asked_at, id LIMIT ?")
                .param(limit).query(JdbcInquiries::read).list();
    }

    @Override
    public List<Inquiry> of(long personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM phr_inquiry WHERE person_id = ? ORDER BY asked_at DESC, id DESC")
                .param(personId).query(JdbcInquiries::read).list();
    }

    @Override
    public Optional<Inquiry> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM phr_inquiry WHERE id = ?").param(id)
                .query(JdbcInquiries::read).optional();
    }

    @Override
    public boolean answer(long id, long userId, String answer) {
        return jdbc.sql("""
                UPDATE phr_inquiry SET answered_by = ?, answered_at = now(), answer = ?
                WHERE id = ? AND answered_at IS NULL""").params(userId, answer, id).update() == 1;
    }

    private static Inquiry read(ResultSet rs, int row) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Inquiry(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("audit_seq"), rs.getString("message"),
                rs.getTimestamp("asked_at").toInstant(), answered == null ? null : answered.toInstant(),
                rs.getString("answer"));
    }
}
