package org.musubi.consent.jdbc;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.musubi.consent.RefusedAttempts;
import org.musubi.database.Standby;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refused attempts in PostgreSQL; on a read-only standby the attempts refused there are counted in memory (and added
 * to the replicated ones), so the throttles hold while the database takes no write.
 */
@Repository
class JdbcRefusedAttempts implements RefusedAttempts {

    private final JdbcClient jdbc;
    private final Standby standby;
    private final List<Attempt> onStandby = new CopyOnWriteArrayList<>();

    private record Attempt(Kind kind, String key, String scope, Long userId, Instant at) {
    }

    JdbcRefusedAttempts(JdbcClient jdbc, Standby standby) {
        this.jdbc = jdbc;
        this.standby = standby;
    }

    @Override
    public void record(Kind kind, String key, String scope, Long userId, Instant at) {
        if (standby.readOnly()) {
            onStandby.removeIf(a -> a.at().isBefore(at.minus(Duration.ofDays(1))));
            onStandby.add(new Attempt(kind, key, scope, userId, at));
            return;
        }
        jdbc.sql("INSERT INTO refused_attempt (kind, key, scope, user_id, attempted_at) VALUES (?, ?, ?, ?, ?)")
                .params(kind.name(), key, scope, userId, Timestamp.from(at)).update();
    }

    @Override
    public int byKey(Kind kind, String key, Instant since) {
        return jdbc.sql("SELECT count(*) FROM refused_attempt WHERE kind = ? AND key = ? AND attempted_at >= ?")
                .params(kind.name(), key, Timestamp.from(since)).query(Integer.class).single()
                + onStandby(kind, since, a -> Objects.equals(a.key(), key));
    }

    @Override
    public int byKeyIn(Kind kind, String key, String scope, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM refused_attempt
                        WHERE kind = ? AND key = ? AND scope = ? AND attempted_at >= ?""")
                .params(kind.name(), key, scope, Timestamp.from(since)).query(Integer.class).single()
                + onStandby(kind, since, a -> Objects.equals(a.key(), key) && Objects.equals(a.scope(), scope));
    }

    @Override
    public int byUser(Kind kind, long userId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM refused_attempt WHERE kind = ? AND user_id = ? AND attempted_at >= ?")
                .params(kind.name(), userId, Timestamp.from(since)).query(Integer.class).single()
                + onStandby(kind, since, a -> a.userId() != null && a.userId() == userId);
    }

    private int onStandby(Kind kind, Instant since, Predicate<Attempt> which) {
        return (int) onStandby.stream().filter(a -> a.kind() == kind && !a.at().isBefore(since)).filter(which).count();
    }
}
