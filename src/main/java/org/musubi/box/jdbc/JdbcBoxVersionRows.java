package org.musubi.box.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.musubi.box.BoxVersionRows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link BoxVersionRows} in PostgreSQL (V50: {@code box_file.part}, {@code box_part_trash}). */
public final class JdbcBoxVersionRows implements BoxVersionRows {

    private final JdbcClient jdbc;

    public JdbcBoxVersionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void pending(String part, Instant since) {
        jdbc.sql("INSERT INTO box_part_trash (part, since) VALUES (?, ?) ON CONFLICT DO NOTHING").param(part)
                .param(Timestamp.from(since)).update();
    }

    @Override
    public boolean switchTo(UUID file, String from, Version to, Instant at) {
        int switched = jdbc.sql("""
                        UPDATE box_file SET part = ?, size = ?, sha256 = ?, scan_status = ?
                        WHERE id = ? AND coalesce(part, 'box-' || id::text) = ?""")
                .params(to.part(), to.size(), to.sha256(), to.scan().name(), file, from).update();
        if (switched != 1) {
            return false;
        }
        jdbc.sql("DELETE FROM box_part_trash WHERE part = ?").param(to.part()).update();
        pending(from, at);
        return true;
    }

    @Override
    public void forget(String part) {
        jdbc.sql("DELETE FROM box_part_trash WHERE part = ?").param(part).update();
    }

    @Override
    public List<String> leftBefore(Instant before, int limit) {
        return jdbc.sql("SELECT part FROM box_part_trash WHERE since < ? ORDER BY since LIMIT ?")
                .param(Timestamp.from(before)).param(limit).query(String.class).list();
    }
}
