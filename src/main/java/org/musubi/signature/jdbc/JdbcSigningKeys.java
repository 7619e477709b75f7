package org.musubi.signature.jdbc;

import java.sql.Timestamp;
import java.util.Optional;
import org.musubi.signature.keys.SigningKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing keys in {@code signing_key} (V43). A new live key supersedes the old one in the same transaction; two nodes
 * issuing at once meet the unique index of live keys, and the second's row is dropped ({@code ON CONFLICT DO NOTHING}).
 */
@Repository
class JdbcSigningKeys implements SigningKeys {

    private final JdbcClient jdbc;

    JdbcSigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredKey> liveCa() {
        return jdbc.sql("""
                        SELECT id, algorithm, certificate, sealed_private_key FROM signing_key
                        WHERE purpose = 'DEMO_CA' AND superseded_at IS NULL""")
                .query((rs, n) -> new StoredKey(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)))
                .optional();
    }

    @Override
    public Optional<StoredKey> liveKeyOf(long userId) {
        return jdbc.sql("""
                        SELECT id, algorithm, certificate, sealed_private_key FROM signing_key
                        WHERE purpose = 'USER' AND user_id = ? AND superseded_at IS NULL""")
                .param(userId)
                .query((rs, n) -> new StoredKey(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)))
                .optional();
    }

    @Override
    @Transactional
    public void store(NewKey key, Optional<Long> replaced) {
        replaced.ifPresent(id -> jdbc.sql("UPDATE signing_key SET superseded_at = now() WHERE id = ? AND superseded_at IS NULL")
                .param(id).update());
        jdbc.sql("""
                        INSERT INTO signing_key (purpose, user_id, algorithm, certificate, sealed_private_key, not_before, not_after)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .param(key.userId().isPresent() ? "USER" : "DEMO_CA")
                .param(key.userId().orElse(null))
                .param(key.algorithm())
                .param(key.certificate())
                .param(key.sealedPrivateKey())
                .param(Timestamp.from(key.notBefore()))
                .param(Timestamp.from(key.notAfter()))
                .update();
    }
}
