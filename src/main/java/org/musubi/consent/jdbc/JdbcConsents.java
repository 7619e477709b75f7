package org.musubi.consent.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.musubi.consent.team.CareTeamMember;
import org.musubi.consent.team.CareTeam;
import java.util.UUID;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consent;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.consent.EmergencyAccess;
import org.musubi.consent.PatientLink;
import org.musubi.consent.ProxyGrant;
import org.musubi.database.ChangeVersions;
import org.musubi.database.Standby;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Consents, links, blocks, emergency accesses and proxies in PostgreSQL. On a read-only standby the emergency accesses
 * opened there are kept in memory ({@link StandbyEmergencies}) and laid over the stored ones on every read, and a
 * link's last use is not recorded (viewing does without it).
 */
@Repository
class JdbcConsents implements Consents {

    /** The four reads of {@link #standing}, sent as one message: PostgreSQL answers them in one round trip. */
    private static final String STANDING = """
            SELECT * FROM consent WHERE person_id = ? ORDER BY id;
            SELECT * FROM patient_link WHERE person_id = ? ORDER BY id;
            SELECT facility_id FROM facility_block WHERE person_id = ?;
            SELECT * FROM emergency_access WHERE person_id = ? ORDER BY id;
            SELECT * FROM proxy_grant WHERE person_id = ? ORDER BY id;
            SELECT * FROM care_team_member WHERE person_id = ? ORDER BY joined_at""";

    private final JdbcClient jdbc;
    private final JdbcOperations operations;
    private final Standby standby;
    private final ChangeVersions versions;
    private final StandbyEmergencies onStandby = new StandbyEmergencies();

    JdbcConsents(JdbcClient jdbc, JdbcOperations operations, Standby standby, ChangeVersions versions) {
        this.jdbc = jdbc;
        this.operations = operations;
        this.standby = standby;
        this.versions = versions;
    }

    /** {@code changed}, after bumping {@link ChangeVersions#ACCESS_NARROWED} when it is true (access narrowed). */
    private boolean narrowed(boolean changed) {
        if (changed) {
            versions.bump(ChangeVersions.ACCESS_NARROWED);
        }
        return changed;
    }

    @Override
    public Standing standing(long personId) {
        return operations.execute(STANDING, (PreparedStatement ps) -> {
            for (int i = 1; i <= 6; i++) {
                ps.setLong(i, personId);
            }
            ps.execute();
            List<Consent> consents = rows(ps, JdbcConsents::consent);
            ps.getMoreResults();
            List<PatientLink> links = rows(ps, JdbcConsents::link);
            ps.getMoreResults();
            Set<Long> blocked = new HashSet<>(rows(ps, (rs, row) -> rs.getLong(1)));
            ps.getMoreResults();
            List<EmergencyAccess> emergencies = ofPerson(rows(ps, JdbcConsents::emergency), personId);
            ps.getMoreResults();
            List<ProxyGrant> proxies = rows(ps, JdbcConsents::proxy);
            ps.getMoreResults();
            return new Standing(consents, links, blocked, emergencies, proxies, rows(ps, JdbcConsents::member));
        });
    }

    private static <T> List<T> rows(PreparedStatement ps, RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = ps.getResultSet()) {
            while (rs.next()) {
                rows.add(mapper.mapRow(rs, rows.size()));
            }
        }
        return rows;
    }

    @Override
    public List<CareTeamMember> careTeamMembers(long personId) {
        return jdbc.sql("SELECT * FROM care_team_member WHERE person_id = ? ORDER BY joined_at").param(personId)
                .query(JdbcConsents::member).list();
    }

    @Override
    public List<CareTeamMember> liveCareTeamMemberships(long userId, Instant now) {
        return jdbc.sql("""
                        SELECT * FROM care_team_member WHERE user_id = ? AND ended_at IS NULL
                          AND (valid_until IS NULL OR valid_until > ?) ORDER BY joined_at DESC LIMIT 500""")
                .params(userId, Timestamp.from(now)).query(JdbcConsents::member).list();
    }

    @Override
    public CareTeam createCareTeam(long personId, long facilityId, String name, long createdBy) {
        return jdbc.sql("""
                        INSERT INTO care_team (id, person_id, facility_id, name, created_by) VALUES (?, ?, ?, ?, ?)
                        RETURNING *""").params(UUID.randomUUID(), personId, facilityId, name, createdBy)
                .query(JdbcConsents::team).single();
    }

    @Override
    public Optional<CareTeam> careTeam(UUID teamId) {
        return jdbc.sql("SELECT * FROM care_team WHERE id = ?").param(teamId).query(JdbcConsents::team).optional();
    }

    @Override
    public CareTeamMember addCareTeamMember(UUID teamId, long userId, long facilityId, String role, long invitedBy,
                                            Instant validUntil) {
        return jdbc.sql("""
                        INSERT INTO care_team_member (team_id, person_id, user_id, facility_id, role, invited_by, valid_until)
                        SELECT id, person_id, ?, ?, ?, ?, ? FROM care_team WHERE id = ?
                        ON CONFLICT (team_id, user_id) DO UPDATE SET facility_id = excluded.facility_id,
                            role = excluded.role, invited_by = excluded.invited_by, joined_at = now(),
                            valid_until = excluded.valid_until, ended_at = NULL, ended_by = NULL
                        RETURNING *""")
                .params(userId, facilityId, role, invitedBy, validUntil == null ? null : Timestamp.from(validUntil), teamId)
                .query(JdbcConsents::member).single();
    }

    @Override
    public boolean endCareTeamMember(UUID teamId, long userId, long endedBy) {
        return narrowed(jdbc.sql("""
                        UPDATE care_team_member SET ended_at = now(), ended_by = ?
                        WHERE team_id = ? AND user_id = ? AND ended_at IS NULL""").params(endedBy, teamId, userId)
                .update() == 1);
    }

    private static CareTeam team(ResultSet rs, int row) throws SQLException {
        return new CareTeam(rs.getObject("id", UUID.class), rs.getLong("person_id"), rs.getLong("facility_id"),
                rs.getString("name"), rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static CareTeamMember member(ResultSet rs, int row) throws SQLException {
        Timestamp until = rs.getTimestamp("valid_until");
        Timestamp ended = rs.getTimestamp("ended_at");
        return new CareTeamMember(rs.getObject("team_id", UUID.class), rs.getLong("person_id"), rs.getLong("user_id"),
                rs.getLong("facility_id"), rs.getString("role"), rs.getLong("invited_by"),
                rs.getTimestamp("joined_at").toInstant(), until == null ? null : until.toInstant(),
                ended == null ? null : ended.toInstant());
    }

    @Override
    public List<ProxyGrant> proxies(long personId) {
        return jdbc.sql("SELECT * FROM proxy_grant WHERE person_id = ? ORDER BY id").param(personId)
                .query(JdbcConsents::proxy).list();
    }

    @Override
    public List<ProxyGrant> grantsTo(long proxyUserId, Instant now) {
        return jdbc.sql("""
                SELECT * FROM proxy_grant WHERE proxy_user_id = ? AND revoked_at IS NULL AND valid_to > ? ORDER BY id""")
                .params(proxyUserId, Timestamp.from(now)).query(JdbcConsents::proxy).list();
    }

    @Override
    public ProxyGrant grantProxy(long personId, long proxyUserId, long grantedBy, Instant validTo) {
        return jdbc.sql("""
                INSERT INTO proxy_grant (person_id, proxy_user_id, granted_by, valid_to) VALUES (?, ?, ?, ?) RETURNING *""")
                .params(personId, proxyUserId, grantedBy, Timestamp.from(validTo))
                .query(JdbcConsents::proxy).single();
    }

    @Override
    public boolean revokeProxy(long personId, long grantId, long userId) {
        return narrowed(jdbc.sql("""
                UPDATE proxy_grant SET revoked_at = now(), revoked_by = ? WHERE id = ? AND person_id = ? AND revoked_at IS NULL""")
                .params(userId, grantId, personId).update() == 1);
    }

    private static ProxyGrant proxy(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ProxyGrant(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("proxy_user_id"),
                rs.getLong("granted_by"), rs.getTimestamp("granted_at").toInstant(),
                rs.getTimestamp("valid_to").toInstant(), revoked == null ? null : revoked.toInstant());
    }

    @Override
    public List<Consent> of(long personId) {
        return jdbc.sql("SELECT * FROM consent WHERE person_id = ? ORDER BY id").param(personId)
                .query(JdbcConsents::consent).list();
    }

    @Override
    public Consent grant(long personId, ConsentScope scope, Long scopeFacilityId, Set<Purpose> purposes, long userId,
                         Long facilityId) {
        String[] names = purposes.stream().map(Enum::name).sorted().toArray(String[]::new);
        return jdbc.sql("""
                INSERT INTO consent (person_id, scope, scope_facility_id, purposes, captured_by_user, captured_by_facility)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING *""")
                .params(personId, scope.name(), scopeFacilityId, names, userOrNull(userId), facilityId)
                .query(JdbcConsents::consent).single();
    }

    @Override
    public boolean withdraw(long consentId, long userId) {
        return narrowed(jdbc.sql("""
                UPDATE consent SET status = 'WITHDRAWN', withdrawn_at = now(), withdrawn_by_user = ?
                WHERE id = ? AND status = 'ACTIVE'""").params(userOrNull(userId), consentId).update() == 1);
    }

    @Override
    public List<PatientLink> links(long personId) {
        return jdbc.sql("SELECT * FROM patient_link WHERE person_id = ? ORDER BY id").param(personId)
                .query(JdbcConsents::link).list();
    }

    @Override
    public PatientLink link(long personId, long facilityId, long userId) {
        return jdbc.sql("""
                INSERT INTO patient_link (person_id, facility_id, linked_by) VALUES (?, ?, ?)
                ON CONFLICT (person_id, facility_id) WHERE ended_at IS NULL DO UPDATE SET last_used_at = now()
                RETURNING *""").params(personId, facilityId, userOrNull(userId)).query(JdbcConsents::link).single();
    }

    @Override
    public List<PatientLink> openLinks(long facilityId) {
        return jdbc.sql("SELECT * FROM patient_link WHERE facility_id = ? AND ended_at IS NULL ORDER BY linked_at DESC, id DESC")
                .param(facilityId).query(JdbcConsents::link).list();
    }

    @Override
    public boolean endLink(long personId, long facilityId, long userId) {
        return narrowed(jdbc.sql("""
                UPDATE patient_link SET ended_at = now(), ended_by = ?
                WHERE person_id = ? AND facility_id = ? AND ended_at IS NULL""")
                .params(userOrNull(userId), personId, facilityId).update() == 1);
    }

    @Override
    public void touchLink(long personId, long facilityId, Instant now) {
        if (standby.readOnly()) {
            return;
        }
        jdbc.sql("UPDATE patient_link SET last_used_at = ? WHERE person_id = ? AND facility_id = ? AND ended_at IS NULL")
                .params(Timestamp.from(now), personId, facilityId).update();
    }

    @Override
    public Set<Long> blockedFacilities(long personId) {
        return new HashSet<>(jdbc.sql("SELECT facility_id FROM facility_block WHERE person_id = ?").param(personId)
                .query(Long.class).list());
    }

    @Override
    public void block(long personId, long facilityId, long userId) {
        narrowed(jdbc.sql("""
                INSERT INTO facility_block (person_id, facility_id, created_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(personId, facilityId, userOrNull(userId)).update() == 1);
    }

    @Override
    public void unblock(long personId, long facilityId) {
        jdbc.sql("DELETE FROM facility_block WHERE person_id = ? AND facility_id = ?").params(personId, facilityId).update();
    }

    @Override
    public List<EmergencyAccess> emergencies(long personId) {
        return ofPerson(jdbc.sql("SELECT * FROM emergency_access WHERE person_id = ? ORDER BY id").param(personId)
                .query(JdbcConsents::emergency).list(), personId);
    }

    /** The person's stored accesses, and on a standby those opened there. */
    private List<EmergencyAccess> ofPerson(List<EmergencyAccess> stored, long personId) {
        return standby.readOnly() ? onStandby.over(stored, a -> a.personId() == personId) : stored;
    }

    @Override
    public EmergencyAccess openEmergency(long personId, long userId, String reason, Instant expiresAt) {
        if (standby.readOnly()) {
            return openEmergency(new EmergencyAccess.Opening(personId, userId, null, EmergencyAccess.Kind.GLASS, null,
                    reason, expiresAt, null, false));
        }
        return jdbc.sql("INSERT INTO emergency_access (person_id, user_id, reason, expires_at) VALUES (?, ?, ?, ?) RETURNING *")
                .params(personId, userId, reason, Timestamp.from(expiresAt)).query(JdbcConsents::emergency).single();
    }

    @Override
    public EmergencyAccess openEmergency(EmergencyAccess.Opening o) {
        if (standby.readOnly()) {
            return onStandby.open(o, Instant.now());
        }
        EmergencyAccess opened = jdbc.sql("""
                WITH ended AS (
                    UPDATE emergency_access SET expires_at = now(), ended_at = now()
                    WHERE ? AND user_id = ? AND expires_at > now())
                INSERT INTO emergency_access (person_id, user_id, reason, expires_at, kind, facility_id, reason_code,
                                              handover_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *""")
                .params(o.endOthers(), o.userId(), o.personId(), o.userId(), o.reason(), Timestamp.from(o.expiresAt()),
                        o.kind().name(), o.facilityId(), o.reasonCode() == null ? null : o.reasonCode().name(),
                        o.handOverId())
                .query(JdbcConsents::emergency).single();
        narrowed(o.endOthers()); // the user's other open accesses just ended
        return opened;
    }

    @Override
    public Optional<EmergencyAccess> emergency(long emergencyId) {
        if (standby.readOnly() && emergencyId < 0) {
            return onStandby.byId(emergencyId);
        }
        var stored = jdbc.sql("SELECT * FROM emergency_access WHERE id = ?").param(emergencyId)
                .query(JdbcConsents::emergency).optional();
        return standby.readOnly() ? stored.map(onStandby::over) : stored;
    }

    @Override
    public List<EmergencyAccess> openEmergenciesOf(long userId, Instant now) {
        List<EmergencyAccess> stored = jdbc.sql(
                        "SELECT * FROM emergency_access WHERE user_id = ? AND expires_at > ? ORDER BY id DESC")
                .params(userId, Timestamp.from(now)).query(JdbcConsents::emergency).list();
        if (!standby.readOnly()) {
            return stored;
        }
        List<EmergencyAccess> open = new ArrayList<>(onStandby.matching(a -> a.userId() == userId && a.openAt(now)));
        onStandby.over(stored, a -> false).stream().filter(a -> a.openAt(now)).forEach(open::add);
        return open;
    }

    @Override
    public boolean reviewEmergency(long emergencyId, long userId, EmergencyAccess.ReviewOutcome outcome, String note) {
        return jdbc.sql("""
                UPDATE emergency_access SET reviewed_at = now(), reviewed_by = ?, review_note = ?, review_outcome = ?
                WHERE id = ? AND reviewed_at IS NULL""").params(userOrNull(userId), note, outcome.name(), emergencyId)
                .update() == 1;
    }

    @Override
    public boolean attachHandOver(long emergencyId, long handOverId) {
        return jdbc.sql("""
                UPDATE emergency_access SET handover_id = ?
                WHERE id = ? AND kind = 'HANDOVER' AND handover_id IS NULL""").params(handOverId, emergencyId).update() == 1;
    }

    @Override
    public long countUnreviewedEmergencies(Instant openedBefore) {
        return jdbc.sql("SELECT count(*) FROM emergency_access WHERE reviewed_at IS NULL AND opened_at < ?")
                .param(Timestamp.from(openedBefore)).query(Long.class).single()
                + onStandbyCount(a -> a.openedAt().isBefore(openedBefore));
    }

    @Override
    public List<EmergencyAccess> unreviewedEmergencies(int limit) {
        List<EmergencyAccess> stored = jdbc.sql("SELECT * FROM emergency_access WHERE reviewed_at IS NULL ORDER BY id LIMIT ?")
                .param(limit).query(JdbcConsents::emergency).list();
        if (!standby.readOnly()) {
            return stored;
        }
        List<EmergencyAccess> all = onStandby.over(stored, a -> true);
        return all.subList(0, Math.min(limit, all.size()));
    }

    @Override
    public long countUnreviewedEmergencies() {
        return jdbc.sql("SELECT count(*) FROM emergency_access WHERE reviewed_at IS NULL").query(Long.class).single()
                + onStandbyCount(a -> true);
    }

    private long onStandbyCount(Predicate<EmergencyAccess> matching) {
        return standby.readOnly() ? onStandby.matching(matching).size() : 0;
    }

    @Override
    public boolean reviewEmergency(long emergencyId, long userId, String note) {
        return jdbc.sql("""
                UPDATE emergency_access SET reviewed_at = now(), reviewed_by = ?, review_note = ?
                WHERE id = ? AND reviewed_at IS NULL""").params(userOrNull(userId), note, emergencyId).update() == 1;
    }

    private static Long userOrNull(long userId) {
        return userId <= 0 ? null : userId;
    }

    private static Consent consent(ResultSet rs, int row) throws SQLException {
        Set<Purpose> purposes = Arrays.stream((String[]) rs.getArray("purposes").getArray()).map(Purpose::valueOf)
                .collect(Collectors.toSet());
        return new Consent(rs.getLong("id"), rs.getLong("person_id"), ConsentScope.valueOf(rs.getString("scope")),
                nullableLong(rs, "scope_facility_id"), purposes, "ACTIVE".equals(rs.getString("status")),
                instant(rs, "captured_at"), nullableLong(rs, "captured_by_user"), nullableLong(rs, "captured_by_facility"),
                instant(rs, "withdrawn_at"));
    }

    private static PatientLink link(ResultSet rs, int row) throws SQLException {
        return new PatientLink(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("facility_id"),
                instant(rs, "linked_at"), instant(rs, "last_used_at"), instant(rs, "ended_at"));
    }

    private static EmergencyAccess emergency(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("reason_code");
        String outcome = rs.getString("review_outcome");
        return new EmergencyAccess(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("user_id"), rs.getString("reason"),
                instant(rs, "opened_at"), instant(rs, "expires_at"), instant(rs, "reviewed_at"),
                EmergencyAccess.Kind.valueOf(rs.getString("kind")), nullableLong(rs, "facility_id"),
                code == null ? null : EmergencyAccess.ReasonCode.valueOf(code), nullableLong(rs, "handover_id"),
                instant(rs, "ended_at"), outcome == null ? null : EmergencyAccess.ReviewOutcome.valueOf(outcome));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
