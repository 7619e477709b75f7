package org.musubi.security.internal.lockout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.musubi.database.Standby;
import org.musubi.security.LoginThrottle;
import org.musubi.security.LoginThrottle.Window;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The login throttle's windows in the table {@code login_throttle}, shared by every node: a failure is counted by one
 * {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING}, so two nodes counting the same address at once both count
 * and exactly one of them sees the failure that reaches the limit. Each counted failure deletes at most
 * {@value #SWEEP} windows that have ended (other nodes' rows locked at that moment are skipped), so the table holds
 * about the addresses that failed within one window. Times are the counting node's clock, as with one node (nodes
 * keep time with NTP; a skew of seconds moves a window's end by as much). While {@link Standby} says the database is
 * read-only, failures are counted in this node's memory only (a standby cannot write), as one node alone would.
 */
final class JdbcLoginWindows implements LoginThrottle.Windows {

    static final int SWEEP = 16;
    private final JdbcClient jdbc;
    private final Standby standby;
    private final LoginThrottle.InMemory onStandby = new LoginThrottle.InMemory();

    JdbcLoginWindows(JdbcClient jdbc, Standby standby) {
        this.jdbc = jdbc;
        this.standby = standby;
    }

    @Override
    public Window failed(String address, Instant now, Instant endOfNew) {
        if (standby.readOnly()) {
            return onStandby.failed(address, now, endOfNew);
        }
        Timestamp at = Timestamp.from(now);
        Window counted = jdbc.sql("""
                        INSERT INTO login_throttle AS t (address, window_end, failures) VALUES (:address, :end, 1)
                        ON CONFLICT (address) DO UPDATE SET
                          failures = CASE WHEN t.window_end <= :now THEN 1 ELSE t.failures + 1 END,
                          window_end = CASE WHEN t.window_end <= :now THEN excluded.window_end ELSE t.window_end END
                        RETURNING window_end, failures""")
                .param("address", address).param("end", Timestamp.from(endOfNew)).param("now", at)
                .query((rs, n) -> new Window(rs.getTimestamp("window_end").toInstant(), rs.getInt("failures")))
                .single();
        jdbc.sql("""
                        DELETE FROM login_throttle WHERE address IN (SELECT address FROM login_throttle
                          WHERE window_end <= ? LIMIT ? FOR UPDATE SKIP LOCKED)""")
                .params(at, SWEEP).update();
        return counted;
    }

    @Override
    public Optional<Window> find(String address) {
        if (standby.readOnly()) {
            return onStandby.find(address);
        }
        return jdbc.sql("SELECT window_end, failures FROM login_throttle WHERE address = ?").param(address)
                .query((rs, n) -> new Window(rs.getTimestamp("window_end").toInstant(), rs.getInt("failures")))
                .optional();
    }
}
