package org.musubi.security.internal.api;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.musubi.database.Standby;
import org.musubi.security.ApiScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * API clients and their bearer tokens (kept as SHA-256 hashes) in PostgreSQL. On a read-only standby, the tokens it
 * issues and the assertion ids it has seen are kept in memory (the replicated ones still count), so that a hospital's
 * system can get a token and read; they end with the standby's process.
 */
@Repository
class JdbcApiClients {

    private final JdbcClient jdbc;
    private final Standby standby;
    private final Map<String, Token> standbyTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> standbyAssertions = new ConcurrentHashMap<>();

    JdbcApiClients(JdbcClient jdbc, Standby standby) {
        this.jdbc = jdbc;
        this.standby = standby;
    }

    void insert(long userId, String clientId, String secretHash, Set<ApiScope> scopes, long createdBy) {
        jdbc.sql("INSERT INTO api_client (user_id, client_id, secret_hash, scopes, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(userId, clientId, secretHash, texts(scopes), createdBy).update();
    }

    Optional<Row> find(String clientId) {
        return jdbc.sql("SELECT * FROM api_client WHERE client_id = ?").param(clientId).query(JdbcApiClients::row).optional();
    }

    Optional<Row> findByUser(long userId) {
        return jdbc.sql("SELECT * FROM api_client WHERE user_id = ?").param(userId).query(JdbcApiClients::row).optional();
    }

    List<Row> all() {
        return jdbc.sql("SELECT * FROM api_client ORDER BY created_at, user_id").query(JdbcApiClients::row).list();
    }

    @Transactional
    void replaceSecret(long userId, String secretHash) {
        jdbc.sql("UPDATE api_client SET secret_hash = ?, secret_set_at = now() WHERE user_id = ?")
                .params(secretHash, userId).update();
        revokeTokens(userId);
    }

    void setJwks(long userId, String jwks) {
        jdbc.sql("UPDATE api_client SET jwks = ? WHERE user_id = ?").params(jwks, userId).update();
    }

    /** Records an assertion id; false when it was used before (a replay). Forgets expired ones. */
    boolean rememberAssertion(String clientId, String jti, Instant expiresAt, Instant now) {
        if (standby.readOnly()) {
            standbyAssertions.values().removeIf(until -> until.isBefore(now));
            boolean seen = jdbc.sql("SELECT count(*) FROM api_assertion WHERE client_id = ? AND jti = ?")
                    .params(clientId, jti).query(Integer.class).single() > 0;
            return !seen && standbyAssertions.putIfAbsent(clientId + "\n" + jti, expiresAt) == null;
        }
        jdbc.sql("DELETE FROM api_assertion WHERE expires_at < ?").param(Timestamp.from(now)).update();
        return jdbc.sql("INSERT INTO api_assertion (client_id, jti, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(clientId, jti, Timestamp.from(expiresAt)).update() == 1;
    }

    void revokeTokens(long userId) {
        standbyTokens.values().removeIf(token -> token.userId() == userId);
        jdbc.sql("DELETE FROM api_token WHERE user_id = ?").param(userId).update();
    }

    void saveToken(byte[] tokenHash, long userId, Set<ApiScope> scopes, Instant issued, Instant expires) {
        if (standby.readOnly()) {
            standbyTokens.values().removeIf(token -> !token.expiresAt().isAfter(issued));
            standbyTokens.put(HexFormat.of().formatHex(tokenHash), new Token(userId, Set.copyOf(scopes), expires));
            return;
        }
        jdbc.sql("INSERT INTO api_token (token_hash, user_id, scopes, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(tokenHash, userId, texts(scopes), Timestamp.from(issued), Timestamp.from(expires))
                .update();
    }

    /** A token that has not expired at {@code now}. */
    Optional<Token> token(byte[] tokenHash, Instant now) {
        Token issuedOnStandby = standbyTokens.get(HexFormat.of().formatHex(tokenHash));
        if (issuedOnStandby != null && issuedOnStandby.expiresAt().isAfter(now)) {
            return Optional.of(issuedOnStandby);
        }
        return jdbc.sql("SELECT user_id, scopes, expires_at FROM api_token WHERE token_hash = ? AND expires_at > ?")
                .params(tokenHash, Timestamp.from(now))
                .query((rs, n) -> new Token(rs.getLong("user_id"), scopes(rs.getArray("scopes")),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    int purgeExpired(Instant now) {
        return jdbc.sql("DELETE FROM api_token WHERE expires_at <= ?").param(Timestamp.from(now)).update();
    }

    private static String[] texts(Set<ApiScope> scopes) {
        return scopes.stream().map(ApiScope::toString).sorted().toArray(String[]::new);
    }

    private static Set<ApiScope> scopes(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(ApiScope::parse).collect(Collectors.toUnmodifiableSet());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("user_id"), rs.getString("client_id"), rs.getString("secret_hash"),
                scopes(rs.getArray("scopes")), rs.getTimestamp("created_at").toInstant(), rs.getString("jwks"));
    }

    record Row(long userId, String clientId, String secretHash, Set<ApiScope> scopes, Instant createdAt, String jwks) {
    }

    record Token(long userId, Set<ApiScope> scopes, Instant expiresAt) {
    }
}
