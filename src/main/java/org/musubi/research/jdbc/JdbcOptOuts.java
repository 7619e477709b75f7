package org.musubi.research.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.musubi.research.OptOutStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code research_opt_out}. */
public final class JdbcOptOuts implements OptOutStore {

    private final JdbcClient jdbc;

    public JdbcOptOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> since(long personId) {
        return jdbc.sql("SELECT opted_at FROM research_opt_out WHERE person_id = ?").param(personId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    @Override
    public boolean optOut(long personId, String channel, Long userId) {
        return jdbc.sql("INSERT INTO research_opt_out (person_id, channel, recorded_by) VALUES (?, ?, ?)"
                + " ON CONFLICT (person_id) DO NOTHING").params(personId, channel, userId).update() == 1;
    }

    @Override
    public boolean optIn(long personId) {
        return jdbc.sql("DELETE FROM research_opt_out WHERE person_id = ?").param(personId).update() == 1;
    }
}
