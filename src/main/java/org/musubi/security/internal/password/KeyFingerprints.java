package org.musubi.security.internal.password;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.musubi.database.Standby;
import org.musubi.security.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator's secret key as the database knows it (V86 {@code secret_key_fingerprint}, issue 66): the first server
 * to start records the key's fingerprint, and a server whose key gives another refuses to start
 * ({@link SecretBox.KeyMismatch}) — before it serves anyone, instead of failing every second factor, browser session and
 * card check code made on the other nodes. The fingerprint is HMAC-SHA256 of a fixed label under the key
 * ({@link SecretBox#derive}), which tells nothing of the key. Two servers starting at once on an empty table agree on
 * the one row the first insert wins. A read-only standby records nothing (the primary's row reaches it by
 * replication); a schema without the table (a database not yet migrated so far) is not checked.
 */
final class KeyFingerprints {

    /** The label whose HMAC under the key is its fingerprint; no other use derives a key from it. */
    static final String LABEL = "secret-key-fingerprint";
    private static final Logger log = LoggerFactory.getLogger(KeyFingerprints.class);

    private final JdbcClient jdbc;
    private final Standby standby;

    KeyFingerprints(DataSource dataSource, Standby standby) {
        this.jdbc = JdbcClient.create(dataSource);
        this.standby = standby;
    }

    /** The fingerprint of {@code box}'s key: 64 hexadecimal digits. */
    static String of(SecretBox box) {
        return HexFormat.of().formatHex(box.derive(LABEL));
    }

    /**
     * Records {@code key}'s fingerprint when the database has none yet, and refuses a key whose fingerprint is not the
     * recorded one.
     *
     * @throws SecretBox.KeyMismatch this server's key is not the database's
     */
    void check(SecretKeys.Loaded key) {
        if (!jdbc.sql("SELECT to_regclass('secret_key_fingerprint') IS NOT NULL").query(Boolean.class).single()) {
            log.debug("No secret_key_fingerprint table in this schema: the secret key is not checked");
            return;
        }
        String mine = of(key.box());
        Optional<Recorded> recorded = recorded();
        if (recorded.isEmpty()) {
            if (standby.readOnly()) {
                return;
            }
            int inserted = jdbc.sql("INSERT INTO secret_key_fingerprint (id, fingerprint) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")
                    .param(mine).update();
            if (inserted == 1) {
                log.info("Recorded the secret key's fingerprint in the database: a node started with another key will "
                        + "refuse to start");
            }
            recorded = recorded();
        }
        if (recorded.isPresent() && !recorded.get().fingerprint().equals(mine)) {
            throw new SecretBox.KeyMismatch(key.source(), key.madeNow(), recorded.get().at());
        }
    }

    private Optional<Recorded> recorded() {
        return jdbc.sql("SELECT fingerprint, recorded_at FROM secret_key_fingerprint WHERE id = 1")
                .query((rs, n) -> new Recorded(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
    }

    private record Recorded(String fingerprint, Instant at) {
    }
}
