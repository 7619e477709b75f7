package org.musubi.consent.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import org.musubi.consent.RefusedAttempts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRefusedAttempts implements RefusedAttempts {

    private final JdbcClient jdbc;

    JdbcRefusedAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Kind kind, String key, long userId, Instant at) {
        jdbc.sql("INSERT INTO refused_attempt (kind, key, user_id, attempted_at) VALUES (?, ?, ?, ?)")
                .params(kind.name(), key, userId, Timestamp.from(at)).update();
    }

    @Override
    public int byKey(Kind kind, String key, Instant since) {
        return jdbc.sql("SELECT count(*) FROM refused_attempt WHERE kind = ? AND key = ? AND attempted_at >= ?")
                .params(kind.name(), key, Timestamp.from(since)).query(Integer.class).single();
    }

    @Override
    public int byUser(Kind kind, long userId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM refused_attempt WHERE kind = ? AND user_id = ? AND attempted_at >= ?")
                .params(kind.name(), userId, Timestamp.from(since)).query(Integer.class).single();
    }
}
