package org.musubi.security.internal.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.database.Standby;
import org.musubi.security.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credentials, recovery codes and the failure counter in PostgreSQL. On a read-only standby what a login changes (the
 * last TOTP step, used recovery codes, failures and locks) is kept in memory instead ({@link StandbyCredentials}), so
 * that logging in works, replays included refused, without writing.
 */
@Repository
public class JdbcCredentials {

    private static final String TOTP = "totp-secret";
    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Standby standby;
    private final StandbyCredentials onStandby = new StandbyCredentials();

    JdbcCredentials(JdbcClient jdbc, SecretBox box, Standby standby) {
        this.jdbc = jdbc;
        this.box = box;
        this.standby = standby;
    }

    public Optional<Credential> find(long userId) {
        Optional<Credential> stored = jdbc.sql("SELECT * FROM credential WHERE user_id = ?").param(userId)
                .query(this::read).optional();
        return standby.readOnly() ? stored.map(onStandby::over) : stored;
    }

    void create(long userId, String passwordHash, boolean changeRequired) {
        jdbc.sql("""
                INSERT INTO credential (user_id, password_hash, password_change_required) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash,
                  password_change_required = excluded.password_change_required, updated_at = now()""")
                .params(userId, passwordHash, changeRequired).update();
    }

    public void setPassword(long userId, String passwordHash, boolean changeRequired) {
        jdbc.sql("""
                UPDATE credential SET password_hash = ?, password_change_required = ?, failed_attempts = 0,
                  locked_until = NULL, updated_at = now() WHERE user_id = ?""")
                .params(passwordHash, changeRequired, userId).update();
    }

    @Transactional
    public void enrol(long userId, String secret, long step, List<String> recoveryCodeHashes) {
        jdbc.sql("""
                UPDATE credential SET totp_secret = ?, totp_enrolled_at = now(), totp_last_step = ?,
                  enrolment_code_hash = NULL, enrolment_code_expires = NULL, updated_at = now() WHERE user_id = ?""")
                .params(box.seal(TOTP, secret), step, userId).update();
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?").param(userId).update();
        for (String hash : recoveryCodeHashes) {
            jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (?, ?)").params(userId, hash).update();
        }
    }

    /** A TOTP secret sealed as the credential rows keep it, for a secret kept aside until it is enrolled. */
    String sealTotp(String secret) {
        return box.seal(TOTP, secret);
    }

    /** Enrols a secret sealed by {@link #sealTotp} (one altered or sealed otherwise does not open and is refused). */
    void enrolSealed(long userId, String sealed, long step) {
        enrol(userId, box.open(TOTP, sealed), step, List.of());
    }

    void clearSecondFactor(long userId, String enrolmentCodeHash, Instant expires) {
        jdbc.sql("""
                UPDATE credential SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL,
                  enrolment_code_hash = ?, enrolment_code_expires = ?, updated_at = now() WHERE user_id = ?""")
                .params(enrolmentCodeHash, Timestamp.from(expires), userId).update();
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?").param(userId).update();
    }

    /** Records the step of an accepted code, only if it is later than the last one (no replay). */
    public boolean useStep(long userId, long step) {
        if (standby.readOnly()) {
            return find(userId).map(current -> onStandby.useStep(current, step)).orElse(false);
        }
        return jdbc.sql("""
                UPDATE credential SET totp_last_step = ?, failed_attempts = 0, locked_until = NULL
                WHERE user_id = ? AND coalesce(totp_last_step, -1) < ?""")
                .params(step, userId, step).update() == 1;
    }

    public boolean useRecoveryCode(long userId, String codeHash) {
        if (standby.readOnly()) {
            boolean unused = jdbc.sql("SELECT count(*) FROM recovery_code WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
                    .params(userId, codeHash).query(Integer.class).single() == 1;
            boolean used = unused && onStandby.useRecoveryCode(userId, codeHash);
            if (used) {
                resetFailures(userId);
            }
            return used;
        }
        boolean used = jdbc.sql("UPDATE recovery_code SET used_at = now() WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
                .params(userId, codeHash).update() == 1;
        if (used) {
            resetFailures(userId);
        }
        return used;
    }

    int remainingRecoveryCodes(long userId) {
        return jdbc.sql("SELECT count(*) FROM recovery_code WHERE user_id = ? AND used_at IS NULL")
                .param(userId).query(Integer.class).single();
    }

    /** Counts a failure; locks the account until {@code lockUntil} when the count reaches {@code max}. */
    public int recordFailure(long userId, int max, Instant lockUntil) {
        if (standby.readOnly()) {
            return find(userId).map(current -> onStandby.recordFailure(current, max, lockUntil)).orElse(0);
        }
        return jdbc.sql("""
                UPDATE credential SET failed_attempts = failed_attempts + 1,
                  locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END
                WHERE user_id = ? RETURNING failed_attempts""")
                .params(max, Timestamp.from(lockUntil), userId).query(Integer.class).optional().orElse(0);
    }

    public void resetFailures(long userId) {
        if (standby.readOnly()) {
            onStandby.resetFailures(userId);
            return;
        }
        jdbc.sql("UPDATE credential SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?").param(userId).update();
    }

    private Credential read(ResultSet rs, int row) throws SQLException {
        String sealed = rs.getString("totp_secret");
        long lastStep = rs.getLong("totp_last_step");
        if (rs.wasNull()) {
            lastStep = -1;
        }
        return new Credential(rs.getLong("user_id"), rs.getString("password_hash"),
                rs.getBoolean("password_change_required"), sealed == null ? null : box.open(TOTP, sealed), lastStep,
                rs.getString("enrolment_code_hash"), instant(rs.getTimestamp("enrolment_code_expires")),
                rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
