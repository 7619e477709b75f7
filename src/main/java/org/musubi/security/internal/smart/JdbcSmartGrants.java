package org.musubi.security.internal.smart;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.database.Standby;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' grants to apps, their one-time codes and their tokens, in PostgreSQL. Codes and tokens are looked up by
 * their SHA-256 only. Taking a code or a refresh token marks it used in the same statement that reads it, so two
 * requests presenting it at once cannot both see it unused.
 */
@Repository
class JdbcSmartGrants {

    enum Kind { ACCESS, REFRESH }

    /** A grant: one app, one resident (account and person), the scopes approved; revoked or live. */
    record Grant(long id, long appId, long userId, long personId, List<String> scopes, Instant grantedAt,
                 Instant lastUsedAt, Instant revokedAt) {

        boolean live() {
            return revokedAt == null;
        }
    }

    /** A grant as the resident's page shows it. */
    record Connection(long grantId, String clientId, String appName, List<String> scopes, Instant grantedAt,
                      Instant lastUsedAt) {
    }

    /** A code as it was before this presentation ({@code usedAt} set: presented before). */
    record Code(long grantId, String redirectUri, String challenge, String nonce, Instant expiresAt, Instant usedAt) {
    }

    /** A token as it was before this presentation. */
    record Token(long grantId, Kind kind, List<String> scopes, Instant expiresAt, Instant usedAt) {
    }

    private final JdbcClient jdbc;
    private final Standby standby;

    JdbcSmartGrants(JdbcClient jdbc, Standby standby) {
        this.jdbc = jdbc;
        this.standby = standby;
    }

    /** A new grant; the resident's earlier live grant to the same app, if any, is revoked (replaced). */
    @Transactional
    long grant(long appId, long userId, long personId, List<String> scopes) {
        jdbc.sql("SELECT id FROM smart_grant WHERE app_id = ? AND user_id = ? AND revoked_at IS NULL")
                .params(appId, userId).query(Long.class).list().forEach(id -> revoke(id, "replaced by a new approval"));
        return jdbc.sql("""
                INSERT INTO smart_grant (app_id, user_id, person_id, scopes) VALUES (?, ?, ?, ?) RETURNING id""")
                .params(appId, userId, personId, scopes.toArray(String[]::new)).query(Long.class).single();
    }

    Optional<Grant> find(long grantId) {
        return jdbc.sql("SELECT * FROM smart_grant WHERE id = ?").param(grantId).query(JdbcSmartGrants::grant).optional();
    }

    /** The resident's live grants, newest first. */
    List<Connection> connections(long userId) {
        return jdbc.sql("""
                SELECT g.id, a.client_id, a.name, g.scopes, g.granted_at, g.last_used_at FROM smart_grant g
                JOIN smart_app a ON a.id = g.app_id WHERE g.user_id = ? AND g.revoked_at IS NULL ORDER BY g.id DESC""")
                .param(userId).query((rs, n) -> new Connection(rs.getLong(1), rs.getString(2), rs.getString(3),
                        JdbcSmartApps.texts(rs, "scopes"), rs.getTimestamp(5).toInstant(), instant(rs, "last_used_at")))
                .list();
    }

    /** Revokes a live grant and deletes its tokens at once; false when it was not live. */
    @Transactional
    boolean revoke(long grantId, String reason) {
        boolean revoked = jdbc.sql("""
                UPDATE smart_grant SET revoked_at = now(), revoked_reason = ? WHERE id = ? AND revoked_at IS NULL""")
                .params(reason, grantId).update() == 1;
        jdbc.sql("DELETE FROM smart_token WHERE grant_id = ?").param(grantId).update();
        return revoked;
    }

    /** The live grants of an app (to revoke them all when the app is stopped). */
    List<Long> liveOfApp(long appId) {
        return jdbc.sql("SELECT id FROM smart_grant WHERE app_id = ? AND revoked_at IS NULL ORDER BY id").param(appId)
                .query(Long.class).list();
    }

    void saveCode(byte[] hash, long grantId, String redirectUri, String challenge, String nonce, Instant expires) {
        jdbc.sql("""
                INSERT INTO smart_code (code_hash, grant_id, redirect_uri, code_challenge, nonce, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(hash, grantId, redirectUri, challenge, nonce, Timestamp.from(expires))
                .update();
    }

    /** The code as it was, marking it used: a code is presented once, whatever the outcome. */
    Optional<Code> takeCode(byte[] hash) {
        return jdbc.sql("""
                WITH old AS (SELECT * FROM smart_code WHERE code_hash = ? FOR UPDATE)
                UPDATE smart_code c SET used_at = coalesce(c.used_at, now()) FROM old WHERE c.code_hash = old.code_hash
                RETURNING old.grant_id, old.redirect_uri, old.code_challenge, old.nonce, old.expires_at, old.used_at""")
                .param(hash).query((rs, n) -> new Code(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), instant(rs, "used_at"))).optional();
    }

    void saveToken(byte[] hash, long grantId, Kind kind, List<String> scopes, Instant issued, Instant expires) {
        jdbc.sql("""
                INSERT INTO smart_token (token_hash, grant_id, kind, scopes, issued_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(hash, grantId, kind.name(), scopes.toArray(String[]::new),
                Timestamp.from(issued), Timestamp.from(expires)).update();
    }

    /** A refresh token as it was, marking it used (rotation: each is used once). */
    Optional<Token> takeRefresh(byte[] hash) {
        return jdbc.sql("""
                WITH old AS (SELECT * FROM smart_token WHERE token_hash = ? AND kind = 'REFRESH' FOR UPDATE)
                UPDATE smart_token t SET used_at = coalesce(t.used_at, now()) FROM old WHERE t.token_hash = old.token_hash
                RETURNING old.grant_id, old.kind, old.scopes, old.expires_at, old.used_at""")
                .param(hash).query(JdbcSmartGrants::token).optional();
    }

    /** An access token that has not expired at {@code now}. */
    Optional<Token> access(byte[] hash, Instant now) {
        return jdbc.sql("""
                SELECT grant_id, kind, scopes, expires_at, used_at FROM smart_token
                WHERE token_hash = ? AND kind = 'ACCESS' AND expires_at > ?""").params(hash, Timestamp.from(now))
                .query(JdbcSmartGrants::token).optional();
    }

    /** Notes the grant's last use, at most once a minute (a write on every call would cost more than the call). */
    void touch(long grantId) {
        standby.unlessReadOnly(() -> jdbc.sql("""
                UPDATE smart_grant SET last_used_at = now()
                WHERE id = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
                .param(grantId).update());
    }

    /** Forgets codes and tokens that expired a day ago or more (a replay of one is then just unknown). */
    void purge(Instant now) {
        Timestamp before = Timestamp.from(now.minus(Duration.ofDays(1)));
        jdbc.sql("DELETE FROM smart_code WHERE expires_at < ?").param(before).update();
        jdbc.sql("DELETE FROM smart_token WHERE expires_at < ?").param(before).update();
    }

    private static Grant grant(ResultSet rs, int n) throws SQLException {
        return new Grant(rs.getLong("id"), rs.getLong("app_id"), rs.getLong("user_id"), rs.getLong("person_id"),
                JdbcSmartApps.texts(rs, "scopes"), rs.getTimestamp("granted_at").toInstant(), instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Token token(ResultSet rs, int n) throws SQLException {
        return new Token(rs.getLong(1), Kind.valueOf(rs.getString(2)), JdbcSmartApps.texts(rs, "scopes"),
                rs.getTimestamp(4).toInstant(), instant(rs, "used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
