package org.musubi.security.internal.lockout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.musubi.database.Standby;
import org.musubi.security.ClientLockouts;
import org.musubi.security.ClientLockouts.Entry;
import org.musubi.security.ClientLockouts.Rule;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What clients are told about locked login ids, in the table {@code lock_notice} shared by every node, one row per
 * (address, login id): a failure is counted by one {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING}, so a client
 * locked through one node is refused by the others and two nodes counting at once both count. Each counted failure
 * deletes at most {@value JdbcLoginWindows#SWEEP} rows that have expired (rows other nodes hold at that moment are
 * skipped), so the table holds about the clients that failed within one lock duration. While {@link Standby} says the
 * database is read-only, entries are kept in this node's memory only (a standby cannot write), as one node alone
 * would.
 */
final class JdbcLockNotices implements ClientLockouts.Notices {

    private final JdbcClient jdbc;
    private final Standby standby;
    private final ClientLockouts.InMemory onStandby = new ClientLockouts.InMemory();

    JdbcLockNotices(JdbcClient jdbc, Standby standby) {
        this.jdbc = jdbc;
        this.standby = standby;
    }

    @Override
    public Optional<Instant> lockedUntil(String address, String loginId) {
        if (standby.readOnly()) {
            return onStandby.lockedUntil(address, loginId);
        }
        return jdbc.sql("SELECT locked_until FROM lock_notice WHERE address = ? AND login_id = ?")
                .params(address, loginId).query((rs, n) -> Optional.ofNullable(rs.getTimestamp("locked_until")))
                .optional().flatMap(until -> until.map(Timestamp::toInstant));
    }

    @Override
    public Optional<Instant> failed(String address, String loginId, Instant now, Rule rule) {
        if (standby.readOnly()) {
            return onStandby.failed(address, loginId, now, rule);
        }
        Timestamp at = Timestamp.from(now);
        Timestamp lockEnd = Timestamp.from(now.plus(rule.lockDuration()));
        Optional<Instant> until = jdbc.sql("""
                        INSERT INTO lock_notice AS n (address, login_id, failures, locked_until, expires_at)
                        VALUES (:address, :loginId, 1,
                          CASE WHEN 1 >= :max THEN CAST(:lockEnd AS timestamptz) END, :lockEnd)
                        ON CONFLICT (address, login_id) DO UPDATE SET
                          failures = CASE WHEN n.expires_at <= :now THEN 1 ELSE n.failures + 1 END,
                          locked_until = CASE
                            WHEN (CASE WHEN n.expires_at <= :now THEN 1 ELSE n.failures + 1 END) >= :max
                            THEN CAST(:lockEnd AS timestamptz) END,
                          expires_at = :lockEnd
                        RETURNING locked_until""")
                .param("address", address).param("loginId", loginId).param("max", rule.maxFailures())
                .param("lockEnd", lockEnd).param("now", at)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp("locked_until")).map(Timestamp::toInstant))
                .single();
        jdbc.sql("""
                        DELETE FROM lock_notice WHERE (address, login_id) IN (SELECT address, login_id FROM lock_notice
                          WHERE expires_at <= ? LIMIT ? FOR UPDATE SKIP LOCKED)""")
                .params(at, JdbcLoginWindows.SWEEP).update();
        return until;
    }

    @Override
    public void lock(String address, String loginId, Entry entry) {
        if (standby.readOnly()) {
            onStandby.lock(address, loginId, entry);
            return;
        }
        Timestamp until = Timestamp.from(entry.until());
        jdbc.sql("""
                        INSERT INTO lock_notice (address, login_id, failures, locked_until, expires_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (address, login_id) DO UPDATE SET failures = excluded.failures,
                          locked_until = excluded.locked_until, expires_at = excluded.expires_at""")
                .params(address, loginId, entry.failures(), until, until).update();
    }

    @Override
    public void clear(String address, String loginId) {
        if (standby.readOnly()) {
            onStandby.clear(address, loginId);
            return;
        }
        jdbc.sql("DELETE FROM lock_notice WHERE address = ? AND login_id = ?").params(address, loginId).update();
    }
}
