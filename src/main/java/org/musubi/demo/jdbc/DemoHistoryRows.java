package org.musubi.demo.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's own rows its year of history needs, read and backdated straight in the database: the demo network's
 * persons without a card, and the day their card and consent were made. Demo only (the demo's made-up past); nothing
 * outside the demo ever backdates a row, and the audit trail is never touched.
 */
public final class DemoHistoryRows {

    private final JdbcClient jdbc;

    public DemoHistoryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active persons without any card, in id order. */
    public List<Long> personsWithoutCard() {
        return jdbc.sql("""
                SELECT p.id FROM person p WHERE p.status = 'ACTIVE'
                   AND NOT EXISTS (SELECT 1 FROM card c WHERE c.person_id = p.id) ORDER BY p.id""")
                .query(Long.class).list();
    }

    /** Moves the person's cards' issue and consents' capture (made by the demo just now) back to {@code at}. */
    public void backdate(long personId, Instant at) {
        Timestamp when = Timestamp.from(at);
        jdbc.sql("UPDATE card SET issued_at = ? WHERE person_id = ?").params(when, personId).update();
        jdbc.sql("UPDATE consent SET captured_at = ? WHERE person_id = ?").params(when, personId).update();
    }
}
