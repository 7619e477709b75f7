package org.musubi.box.wopi.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.musubi.box.wopi.WopiLocks;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link WopiLocks} in PostgreSQL (V50 {@code box_wopi_lock}). */
public final class JdbcWopiLocks implements WopiLocks {

    private final JdbcClient jdbc;

    public JdbcWopiLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> current(UUID file, Instant now) {
        return jdbc.sql("SELECT lock_id FROM box_wopi_lock WHERE file_id = ? AND expires_at > ?").param(file)
                .param(Timestamp.from(now)).query(String.class).optional();
    }

    @Override
    public boolean lock(UUID file, String lock, Instant now, Instant until) {
        return jdbc.sql("""
                        INSERT INTO box_wopi_lock (file_id, lock_id, expires_at) VALUES (?, ?, ?)
                        ON CONFLICT (file_id) DO UPDATE SET lock_id = excluded.lock_id, expires_at = excluded.expires_at
                        WHERE box_wopi_lock.expires_at <= ? OR box_wopi_lock.lock_id = excluded.lock_id""")
                .param(file).param(lock).param(Timestamp.from(until)).param(Timestamp.from(now)).update() == 1;
    }

    @Override
    public boolean refresh(UUID file, String lock, Instant now, Instant until) {
        return jdbc.sql("UPDATE box_wopi_lock SET expires_at = ? WHERE file_id = ? AND lock_id = ? AND expires_at > ?")
                .param(Timestamp.from(until)).param(file).param(lock).param(Timestamp.from(now)).update() == 1;
    }

    @Override
    public boolean unlock(UUID file, String lock, Instant now) {
        return jdbc.sql("DELETE FROM box_wopi_lock WHERE file_id = ? AND lock_id = ? AND expires_at > ?").param(file)
                .param(lock).param(Timestamp.from(now)).update() == 1;
    }

    @Override
    public boolean relock(UUID file, String old, String lock, Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE box_wopi_lock SET lock_id = ?, expires_at = ?
                        WHERE file_id = ? AND lock_id = ? AND expires_at > ?""")
                .param(lock).param(Timestamp.from(until)).param(file).param(old).param(Timestamp.from(now)).update() == 1;
    }

    @Override
    public boolean holds(UUID file, String lock, Instant now) {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM box_wopi_lock WHERE file_id = ? AND lock_id = ? "
                        + "AND expires_at > ? FOR UPDATE) held")
                .param(file).param(lock).param(Timestamp.from(now)).query(Integer.class).single() == 1;
    }
}
