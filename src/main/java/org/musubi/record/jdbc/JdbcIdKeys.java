package org.musubi.record.jdbc;

import org.musubi.record.IdKey;
import org.musubi.record.IdKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The id key from its one row (migration V22), read once: it never changes while the server runs. */
@Repository
class JdbcIdKeys implements IdKeys {

    private final JdbcClient jdbc;
    private volatile IdKey key;

    JdbcIdKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public IdKey current() {
        IdKey read = key;
        if (read == null) {
            read = jdbc.sql("SELECT scheme, secret FROM id_key WHERE id = 1")
                    .query((rs, n) -> new IdKey(IdKey.Scheme.valueOf(rs.getString(1)), rs.getBytes(2))).single();
            key = read;
        }
        return read;
    }
}
