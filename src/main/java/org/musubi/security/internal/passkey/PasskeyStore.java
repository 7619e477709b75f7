package org.musubi.security.internal.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.database.Standby;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' passkeys in PostgreSQL. */
@Repository
public class PasskeyStore {

    /** A stored passkey. */
    public record Stored(long id, long userId, byte[] credentialId, byte[] attestedData, long signCount, String label,
                         Instant createdAt, Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;
    private final Standby standby;

    PasskeyStore(JdbcClient jdbc, Standby standby) {
        this.jdbc = jdbc;
        this.standby = standby;
    }

    long add(long userId, byte[] credentialId, byte[] attestedData, long signCount, String label) {
        return jdbc.sql("""
                INSERT INTO passkey (user_id, credential_id, attested_data, sign_count, label) VALUES (?, ?, ?, ?, ?)
                RETURNING id""").params(userId, credentialId, attestedData, signCount, label).query(Long.class).single();
    }

    public List<Stored> ofUser(long userId) {
        return jdbc.sql("SELECT * FROM passkey WHERE user_id = ? ORDER BY id").param(userId)
                .query(PasskeyStore::read).list();
    }

    Optional<Stored> byCredentialId(byte[] credentialId) {
        return jdbc.sql("SELECT * FROM passkey WHERE credential_id = ?").param(credentialId)
                .query(PasskeyStore::read).optional();
    }

    /** Keeps the new signature count and the time; not on a read-only standby, where the login goes on without. */
    void used(long id, long signCount) {
        standby.unlessReadOnly(() -> jdbc.sql("UPDATE passkey SET sign_count = ?, last_used_at = now() WHERE id = ?")
                .params(signCount, id).update());
    }

    /** Removes the user's own passkey; false when the user has none of that id. */
    boolean remove(long userId, long id) {
        return jdbc.sql("DELETE FROM passkey WHERE id = ? AND user_id = ?").params(id, userId).update() == 1;
    }

    /** Removes every passkey of the user (a confirmed recovery of their account); how many. */
    public int removeAll(long userId) {
        return jdbc.sql("DELETE FROM passkey WHERE user_id = ?").param(userId).update();
    }

    private static Stored read(ResultSet rs, int row) throws SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        return new Stored(rs.getLong("id"), rs.getLong("user_id"), rs.getBytes("credential_id"),
                rs.getBytes("attested_data"), rs.getLong("sign_count"), rs.getString("label"),
                rs.getTimestamp("created_at").toInstant(), used == null ? null : used.toInstant());
    }
}
