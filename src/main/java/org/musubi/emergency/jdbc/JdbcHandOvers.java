package org.musubi.emergency.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.musubi.emergency.HandOver;
import org.musubi.emergency.HandOvers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hand-overs in table {@code emergency_handover} (V34). */
@Repository
class JdbcHandOvers implements HandOvers {

    private final JdbcClient jdbc;

    JdbcHandOvers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public HandOver create(String token, long personId, long fromUserId, long fromAccessId, long toFacilityId,
                           Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO emergency_handover (token, person_id, from_user, from_access, to_facility, expires_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING *""")
                .params(token, personId, fromUserId, fromAccessId, toFacilityId, Timestamp.from(expiresAt))
                .query(JdbcHandOvers::handOver).single();
    }

    @Override
    public Optional<HandOver> byToken(String token) {
        return jdbc.sql("SELECT * FROM emergency_handover WHERE token = ?").param(token).query(JdbcHandOvers::handOver)
                .optional();
    }

    @Override
    public List<HandOver> liveFor(long facilityId, Instant now) {
        return jdbc.sql("SELECT * FROM emergency_handover WHERE to_facility = ? AND expires_at > ? ORDER BY id DESC LIMIT 50")
                .params(facilityId, Timestamp.from(now)).query(JdbcHandOvers::handOver).list();
    }

    @Override
    public List<HandOver> madeUnder(Collection<Long> accessIds) {
        return accessIds.isEmpty() ? List.of() : jdbc.sql("""
                SELECT * FROM emergency_handover WHERE from_access = ANY(?) ORDER BY id""")
                .param(accessIds.toArray(Long[]::new)).query(JdbcHandOvers::handOver).list();
    }

    @Override
    public List<HandOver> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql("SELECT * FROM emergency_handover WHERE id = ANY(?) ORDER BY id")
                .param(ids.toArray(Long[]::new)).query(JdbcHandOvers::handOver).list();
    }

    private static HandOver handOver(ResultSet rs, int row) throws SQLException {
        return new HandOver(rs.getLong("id"), rs.getString("token"), rs.getLong("person_id"), rs.getLong("from_user"),
                rs.getLong("from_access"), rs.getLong("to_facility"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
