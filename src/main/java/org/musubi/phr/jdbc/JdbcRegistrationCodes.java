package org.musubi.phr.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.musubi.phr.RegistrationCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRegistrationCodes implements RegistrationCodes {

    private final JdbcClient jdbc;

    JdbcRegistrationCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void issue(long personId, String codeHash, long issuedBy, Long facilityId, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO phr_registration_code (person_id, code_hash, issued_by, issuing_facility_id, expires_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(personId, codeHash, issuedBy, facilityId, Timestamp.from(expiresAt)).update();
    }

    @Override
    public List<Stored> live(long personId, Instant now) {
        return jdbc.sql("""
                SELECT id, person_id, code_hash, expires_at, failed_attempts FROM phr_registration_code
                WHERE person_id = ? AND used_at IS NULL AND void_at IS NULL AND expires_at > ? ORDER BY id""")
                .params(personId, Timestamp.from(now))
                .query((rs, row) -> new Stored(rs.getLong("id"), rs.getLong("person_id"), rs.getString("code_hash"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getInt("failed_attempts")))
                .list();
    }

    @Override
    public int countFailure(long personId, Instant now, int maxAttempts) {
        return jdbc.sql("""
                WITH counted AS (
                  UPDATE phr_registration_code SET failed_attempts = failed_attempts + 1,
                    void_at = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE void_at END
                  WHERE person_id = ? AND used_at IS NULL AND void_at IS NULL AND expires_at > ?
                  RETURNING void_at)
                SELECT count(*) FROM counted WHERE void_at IS NOT NULL""")
                .params(maxAttempts, Timestamp.from(now), personId, Timestamp.from(now))
                .query(Integer.class).single();
    }

    @Override
    public boolean use(long codeId, Instant now) {
        return jdbc.sql("""
                UPDATE phr_registration_code SET used_at = ?
                WHERE id = ? AND used_at IS NULL AND void_at IS NULL AND expires_at > ?""")
                .params(Timestamp.from(now), codeId, Timestamp.from(now)).update() == 1;
    }
}
