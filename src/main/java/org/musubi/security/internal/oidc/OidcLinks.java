package org.musubi.security.internal.oidc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.database.Standby;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts linked to a provider's subject, in PostgreSQL ({@code oidc_link}). */
@Repository
public class OidcLinks {

    /** One link. */
    public record Link(long id, String provider, String subject, long userId, Instant linkedAt, long linkedBy,
                       Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;
    private final Standby standby;

    OidcLinks(JdbcClient jdbc, Standby standby) {
        this.jdbc = jdbc;
        this.standby = standby;
    }

    Optional<Link> bySubject(String provider, String subject) {
        return jdbc.sql("SELECT * FROM oidc_link WHERE provider = ? AND subject = ?").params(provider, subject)
                .query(OidcLinks::read).optional();
    }

    public List<Link> ofUser(long userId) {
        return jdbc.sql("SELECT * FROM oidc_link WHERE user_id = ? ORDER BY provider").param(userId)
                .query(OidcLinks::read).list();
    }

    /** Links the account; false when the subject or the account is linked already (for this provider). */
    boolean add(String provider, String subject, long userId, long linkedBy) {
        try {
            return jdbc.sql("""
                    INSERT INTO oidc_link (provider, subject, user_id, linked_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""").params(provider, subject, userId, linkedBy).update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Notes the time of a login through the link; not on a read-only standby, where the login goes on without. */
    void used(long id) {
        standby.unlessReadOnly(() -> jdbc.sql("UPDATE oidc_link SET last_used_at = now() WHERE id = ?").param(id).update());
    }

    /** Removes the account's link of this id; the removed link, if it was the account's. */
    Optional<Link> remove(long userId, long id) {
        return jdbc.sql("DELETE FROM oidc_link WHERE id = ? AND user_id = ? RETURNING *").params(id, userId)
                .query(OidcLinks::read).optional();
    }

    /** Removes all the account's links; the removed links. */
    public List<Link> removeAll(long userId) {
        return jdbc.sql("DELETE FROM oidc_link WHERE user_id = ? RETURNING *").param(userId)
                .query(OidcLinks::read).list();
    }

    private static Link read(ResultSet rs, int row) throws SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        return new Link(rs.getLong("id"), rs.getString("provider"), rs.getString("subject"), rs.getLong("user_id"),
                rs.getTimestamp("linked_at").toInstant(), rs.getLong("linked_by"), used == null ? null : used.toInstant());
    }
}
