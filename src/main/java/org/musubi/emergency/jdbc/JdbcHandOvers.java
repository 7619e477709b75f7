package org.musubi.emergency.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.musubi.database.Standby;
import org.musubi.emergency.HandOver;
import org.musubi.emergency.HandOvers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hand-overs in table {@code emergency_handover} (V34). On a read-only standby the hand-overs made there are kept
 * in this process's memory (negative ids) and read together with the stored ones; they are forgotten at restart, and the
 * merge of the standby's audit spool makes them again on the primary ({@code StandbyHandOverRecovery}, {@link #recreate}).
 */
@Repository
class JdbcHandOvers implements HandOvers {

    private final JdbcClient jdbc;
    private final Standby standby;
    private final AtomicLong standbyIds = new AtomicLong();
    private final List<HandOver> onStandby = new CopyOnWriteArrayList<>();

    JdbcHandOvers(JdbcClient jdbc, Standby standby) {
        this.jdbc = jdbc;
        this.standby = standby;
    }

    @Override
    public HandOver create(String token, long personId, long fromUserId, long fromAccessId, long toFacilityId,
                           Instant expiresAt) {
        if (standby.readOnly()) {
            HandOver made = new HandOver(standbyIds.decrementAndGet(), token, personId, fromUserId, fromAccessId,
                    toFacilityId, Instant.now(), expiresAt);
            onStandby.add(made);
            return made;
        }
        return jdbc.sql("""
                INSERT INTO emergency_handover (token, person_id, from_user, from_access, to_facility, expires_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING *""")
                .params(token, personId, fromUserId, fromAccessId, toFacilityId, Timestamp.from(expiresAt))
                .query(JdbcHandOvers::handOver).single();
    }

    @Override
    public HandOver recreate(String token, long personId, long fromUserId, long fromAccessId, long toFacilityId,
                             Instant createdAt, Instant expiresAt) {
        Timestamp created = Timestamp.from(createdAt);
        return jdbc.sql("""
                WITH found AS (
                    SELECT * FROM emergency_handover
                    WHERE person_id = :person AND from_user = :user AND to_facility = :facility AND created_at = :created),
                made AS (
                    INSERT INTO emergency_handover (token, person_id, from_user, from_access, to_facility, created_at, expires_at)
                    SELECT :token, :person, :user, :access, :facility, :created, :expires
                    WHERE NOT EXISTS (SELECT 1 FROM found)
                    RETURNING *)
                SELECT * FROM made UNION ALL SELECT * FROM found ORDER BY id LIMIT 1""")
                .param("token", token).param("person", personId).param("user", fromUserId).param("access", fromAccessId)
                .param("facility", toFacilityId).param("created", created).param("expires", Timestamp.from(expiresAt))
                .query(JdbcHandOvers::handOver).single();
    }

    @Override
    public Optional<HandOver> byToken(String token) {
        Optional<HandOver> kept = standing(h -> h.token().equals(token)).stream().findFirst();
        return kept.isPresent() ? kept : jdbc.sql("SELECT * FROM emergency_handover WHERE token = ?").param(token)
                .query(JdbcHandOvers::handOver).optional();
    }

    @Override
    public List<HandOver> liveFor(long facilityId, Instant now) {
        List<HandOver> live = new ArrayList<>(standing(h -> h.toFacilityId() == facilityId && h.liveAt(now)).reversed());
        live.addAll(jdbc.sql("SELECT * FROM emergency_handover WHERE to_facility = ? AND expires_at > ? ORDER BY id DESC LIMIT 50")
                .params(facilityId, Timestamp.from(now)).query(JdbcHandOvers::handOver).list());
        return live.subList(0, Math.min(50, live.size()));
    }

    @Override
    public List<HandOver> madeUnder(Collection<Long> accessIds) {
        List<HandOver> made = accessIds.isEmpty() ? new ArrayList<>() : new ArrayList<>(jdbc.sql("""
                SELECT * FROM emergency_handover WHERE from_access = ANY(?) ORDER BY id""")
                .param(accessIds.toArray(Long[]::new)).query(JdbcHandOvers::handOver).list());
        made.addAll(standing(h -> accessIds.contains(h.fromAccessId())));
        return made;
    }

    @Override
    public List<HandOver> byIds(Collection<Long> ids) {
        List<HandOver> found = ids.isEmpty() ? new ArrayList<>() : new ArrayList<>(jdbc.sql(
                        "SELECT * FROM emergency_handover WHERE id = ANY(?) ORDER BY id")
                .param(ids.toArray(Long[]::new)).query(JdbcHandOvers::handOver).list());
        found.addAll(standing(h -> ids.contains(h.id())));
        return found;
    }

    /** The hand-overs made on this standby that match, oldest first (none once the database takes writes). */
    private List<HandOver> standing(Predicate<HandOver> matching) {
        return standby.readOnly() ? onStandby.stream().filter(matching).toList() : List.of();
    }

    private static HandOver handOver(ResultSet rs, int row) throws SQLException {
        return new HandOver(rs.getLong("id"), rs.getString("token"), rs.getLong("person_id"), rs.getLong("from_user"),
                rs.getLong("from_access"), rs.getLong("to_facility"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
