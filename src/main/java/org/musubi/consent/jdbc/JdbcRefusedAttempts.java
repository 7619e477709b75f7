package org.musubi.consent.jdbc;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.musubi.consent.ConsentProperties;
import org.musubi.consent.RefusedAttempts;
import org.musubi.database.Standby;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refused attempts in PostgreSQL, one row each, so that every node counts the same rows (issue 41): a card proof or
 * an emergency look-up refused through one node counts on the others at the next attempt. Counting is a
 * {@code count(*)} over a sliding window, not a counter nor a Bucket4j token bucket: several limits (per card here,
 * per card everywhere, per user) read the same rows. Two attempts checked at the very same moment on two nodes may
 * both pass, as two requests on one node may. Each recorded attempt deletes at most {@value #SWEEP} rows older than
 * every window ({@code keep}: the longest of the card and user windows, and at least a day, which covers the emergency
 * look-ups' hour), so the table holds about one window's attempts. On a read-only standby the attempts refused there
 * are counted in this node's memory (and added to the replicated ones), so the throttles hold while the database
 * takes no write.
 */
@Repository
class JdbcRefusedAttempts implements RefusedAttempts {

    static final int SWEEP = 16;
    private final JdbcClient jdbc;
    private final Standby standby;
    private final List<Attempt> onStandby = new CopyOnWriteArrayList<>();
    private final Duration keep;

    private record Attempt(Kind kind, String key, String scope, Long userId, Instant at) {
    }

    JdbcRefusedAttempts(JdbcClient jdbc, Standby standby, ConsentProperties limits) {
        this.jdbc = jdbc;
        this.standby = standby;
        this.keep = keep(limits);
    }

    /** How long attempts are kept: the longest window any throttle counts them in, and at least a day. */
    static Duration keep(ConsentProperties limits) {
        return Stream.of(limits.linkCardWindow(), limits.linkUserWindow(), Duration.ofDays(1))
                .max(Duration::compareTo).orElseThrow();
    }

    @Override
    public void record(Kind kind, String key, String scope, Long userId, Instant at) {
        if (standby.readOnly()) {
            onStandby.removeIf(a -> a.at().isBefore(at.minus(keep)));
            onStandby.add(new Attempt(kind, key, scope, userId, at));
            return;
        }
        jdbc.sql("INSERT INTO refused_attempt (kind, key, scope, user_id, attempted_at) VALUES (?, ?, ?, ?, ?)")
                .params(kind.name(), key, scope, userId, Timestamp.from(at)).update();
        jdbc.sql("""
                        DELETE FROM refused_attempt WHERE id IN (SELECT id FROM refused_attempt
                          WHERE attempted_at < ? LIMIT ?)""")
                .params(Timestamp.from(at.minus(keep)), SWEEP).update();
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
