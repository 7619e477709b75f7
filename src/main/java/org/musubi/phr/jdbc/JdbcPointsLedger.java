package org.musubi.phr.jdbc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.phr.points.PointsLedger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPointsLedger implements PointsLedger {

    private final JdbcClient jdbc;

    JdbcPointsLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(long personId, int points, Kind kind, String key, String note, Long recordedBy) {
        return jdbc.sql("""
                INSERT INTO phr_points_entry (person_id, points, reason_kind, reason_key, note, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, reason_key) DO NOTHING""")
                .params(personId, points, kind.name(), key, note, recordedBy).update() == 1;
    }

    @Override
    public List<Entry> entries(long personId) {
        return jdbc.sql("""
                SELECT id, points, reason_kind, reason_key, note, recorded_at FROM phr_points_entry WHERE person_id = ?
                ORDER BY recorded_at DESC, id DESC""").param(personId)
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getInt("points"), Kind.valueOf(rs.getString("reason_kind")),
                        rs.getString("reason_key"), rs.getString("note"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    @Override
    public int balance(long personId) {
        return jdbc.sql("SELECT coalesce(sum(points), 0) FROM phr_points_entry WHERE person_id = ?").param(personId)
                .query(Integer.class).single();
    }

    @Override
    public Map<Kind, Rule> rules() {
        Map<Kind, Rule> rules = new EnumMap<>(Kind.class);
        jdbc.sql("SELECT kind, points, days_required FROM phr_points_rule").query((rs, row) -> {
            Kind kind = Kind.valueOf(rs.getString("kind"));
            int days = rs.getInt("days_required");
            rules.put(kind, new Rule(kind, rs.getInt("points"), rs.wasNull() ? null : days));
            return kind;
        }).list();
        return rules;
    }

    @Override
    public void setRule(Rule rule, long userId) {
        jdbc.sql("""
                INSERT INTO phr_points_rule (kind, points, days_required, changed_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind) DO UPDATE SET points = excluded.points, days_required = excluded.days_required,
                  changed_by = excluded.changed_by, changed_at = now()""")
                .params(rule.kind().name(), rule.points(), rule.daysRequired(), userId).update();
    }

    @Override
    public long addEvent(String name, LocalDate heldOn, String codeHash, int points, LocalDate validTo, long userId) {
        return jdbc.sql("""
                INSERT INTO phr_points_event (name, held_on, code_hash, points, valid_to, created_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(name, Date.valueOf(heldOn), codeHash, points, Date.valueOf(validTo), userId)
                .query(Long.class).single();
    }

    @Override
    public Optional<Event> eventByCodeHash(String codeHash) {
        return jdbc.sql("SELECT * FROM phr_points_event WHERE code_hash = ?").param(codeHash)
                .query(JdbcPointsLedger::event).optional();
    }

    @Override
    public List<Event> events(int limit) {
        return jdbc.sql("SELECT * FROM phr_points_event ORDER BY held_on DESC, id DESC LIMIT ?").param(limit)
                .query(JdbcPointsLedger::event).list();
    }

    private static Event event(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getLong("id"), rs.getString("name"), rs.getDate("held_on").toLocalDate(),
                rs.getInt("points"), rs.getDate("valid_to").toLocalDate());
    }
}
