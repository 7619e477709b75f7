package org.musubi.phr.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.phr.recovery.AccountRecoveries;
import org.musubi.phr.recovery.Desk;
import org.musubi.phr.recovery.RecoveryState;
import org.musubi.security.ResidentCredentials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Pending and decided recoveries in {@code phr_account_recovery} (V36), keyed by person. */
@Repository
class JdbcAccountRecoveries implements AccountRecoveries {

    private static final String PENDING = "SELECT id, person_id, user_id, login_id, requested_at ";
    /** What deciding does to the row besides its state: the credentials wiped, who decided where and when. */
    private static final String DECIDED = """
            password_hash = NULL, totp_secret = NULL, totp_step = NULL, decided_at_desk = ?, decided_by = ?,
            decided_at = ?""";
    private final JdbcClient jdbc;

    JdbcAccountRecoveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long request(Request r) {
        jdbc.sql("UPDATE phr_account_recovery SET state = 'REPLACED', " + DECIDED
                        + " WHERE person_id = ? AND state = 'PENDING'")
                .params(Desk.SYSTEM.name(), null, Timestamp.from(r.at()), r.personId()).update();
        return jdbc.sql("""
                INSERT INTO phr_account_recovery (person_id, user_id, login_id, name_kanji, name_kana, password_hash,
                  totp_secret, totp_step, code_id, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(r.personId(), r.userId(), r.loginId(), r.nameKanji(), r.nameKana(),
                        r.replacement().passwordHash(), r.replacement().sealedTotpSecret(), r.replacement().provenStep(),
                        r.codeId(), Timestamp.from(r.at()))
                .query(Long.class).single();
    }

    @Override
    public Optional<Pending> pending(long personId, Instant liveSince) {
        return jdbc.sql(PENDING + """
                 FROM phr_account_recovery WHERE person_id = ? AND state = 'PENDING' AND requested_at > ?""")
                .params(personId, Timestamp.from(liveSince)).query(JdbcAccountRecoveries::pending).optional();
    }

    @Override
    public Optional<Held> hold(long personId, long id, Instant liveSince) {
        return jdbc.sql(PENDING + """
                , name_kanji, name_kana, password_hash, totp_secret, totp_step FROM phr_account_recovery
                WHERE person_id = ? AND id = ? AND state = 'PENDING' AND requested_at > ? FOR UPDATE""")
                .params(personId, id, Timestamp.from(liveSince))
                .query((rs, row) -> new Held(pending(rs, row), rs.getString("name_kanji"), rs.getString("name_kana"),
                        new ResidentCredentials.Replacement(rs.getString("password_hash"), rs.getString("totp_secret"),
                                rs.getLong("totp_step"))))
                .optional();
    }

    @Override
    public boolean reserved(String loginId, long exceptPersonId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM phr_account_recovery WHERE login_id = ? AND state = 'PENDING'
                  AND person_id <> ?)""").params(loginId, exceptPersonId).query(Boolean.class).single();
    }

    @Override
    public boolean settle(long personId, long id, RecoveryState state, Desk desk, Long decidedBy, Instant at) {
        if (state == RecoveryState.PENDING || state == RecoveryState.CONFIRMED) {
            throw new IllegalArgumentException("not a settlement: " + state);
        }
        return jdbc.sql("UPDATE phr_account_recovery SET state = ?, " + DECIDED
                        + " WHERE person_id = ? AND id = ? AND state = 'PENDING'")
                .params(state.name(), desk.name(), decidedBy, Timestamp.from(at), personId, id).update() == 1;
    }

    @Override
    public boolean confirm(long personId, long id, Desk desk, long decidedBy, ResidentCredentials.Removed removed,
                           Instant at) {
        return jdbc.sql("UPDATE phr_account_recovery SET state = 'CONFIRMED', " + DECIDED + """
                , removed_passkeys = ?, removed_card_links = ?, disconnected_apps = ?
                WHERE person_id = ? AND id = ? AND state = 'PENDING'""")
                .params(desk.name(), decidedBy, Timestamp.from(at), removed.passkeys(), removed.cardLinks(),
                        removed.apps(), personId, id).update() == 1;
    }

    @Override
    public List<Pending> expire(Instant liveSince, Instant at) {
        return jdbc.sql("UPDATE phr_account_recovery SET state = 'EXPIRED', " + DECIDED
                        + " WHERE state = 'PENDING' AND requested_at <= ? RETURNING id, person_id, user_id, login_id,"
                        + " requested_at")
                .params(Desk.SYSTEM.name(), null, Timestamp.from(at), Timestamp.from(liveSince))
                .query(JdbcAccountRecoveries::pending).list();
    }

    @Override
    public Optional<Confirmed> undismissed(long personId) {
        return jdbc.sql("""
                SELECT id, requested_at, decided_at, decided_at_desk, login_id, removed_passkeys, removed_card_links,
                  disconnected_apps FROM phr_account_recovery
                WHERE person_id = ? AND state = 'CONFIRMED' AND notice_dismissed_at IS NULL
                ORDER BY decided_at DESC, id DESC LIMIT 1""")
                .param(personId)
                .query((rs, row) -> new Confirmed(rs.getLong("id"), instant(rs, "requested_at"), instant(rs, "decided_at"),
                        Desk.valueOf(rs.getString("decided_at_desk")), rs.getString("login_id"),
                        new ResidentCredentials.Removed(rs.getInt("removed_passkeys"), rs.getInt("removed_card_links"),
                                rs.getInt("disconnected_apps"))))
                .optional();
    }

    @Override
    public boolean dismiss(long personId, long id, Instant at) {
        return jdbc.sql("""
                UPDATE phr_account_recovery SET notice_dismissed_at = ?
                WHERE person_id = ? AND id = ? AND state = 'CONFIRMED' AND notice_dismissed_at IS NULL""")
                .params(Timestamp.from(at), personId, id).update() == 1;
    }

    private static Pending pending(ResultSet rs, int row) throws SQLException {
        return new Pending(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("user_id"), rs.getString("login_id"),
                instant(rs, "requested_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
