package org.musubi.database;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Musubi keeps its data.
 *
 * @param url         JDBC URL of an external PostgreSQL 14+ ({@code MUSUBI_DB_URL}); blank means
 *                    the embedded PostgreSQL is started under {@code embedded.dataDirectory}
 * @param user        the application's login role ({@code MUSUBI_DB_USER}); it must not own the
 *                    schema, so that PostgreSQL itself keeps the audit trail append-only
 * @param password    its password ({@code MUSUBI_DB_PASSWORD})
 * @param ownerUser   the role that owns the schema and runs migrations ({@code MUSUBI_DB_OWNER_USER});
 *                    defaults to {@code user}, which weakens the audit guarantee (a warning is logged)
 * @param ownerPassword its password ({@code MUSUBI_DB_OWNER_PASSWORD})
 * @param poolSize    maximum connections in the application's pool
 * @param migrateTo   how far the migrations run at start: {@code latest} (the default), {@code current}
 *                    (none: the schema is left as it is, as {@code backup} does) or a schema version
 *                    (as {@code restore} does, to recreate the schema a backup was taken from)
 * @param embedded    settings of the embedded PostgreSQL
 * @param readOnly    whether Musubi runs as a read-only standby ({@link Standby}): {@code auto} (the default) asks
 *                    PostgreSQL ({@code pg_is_in_recovery()}) at start and every {@code standbyCheck}; {@code true}
 *                    serves read-only whatever the database is (a drill, or a copy that must not change);
 *                    {@code false} never does
 * @param standbyCheck how often {@code auto} asks again, so that a promoted standby starts taking writes
 */
@ConfigurationProperties("musubi.database")
public record DatabaseProperties(
        String url,
        @DefaultValue("musubi_app") String user,
        String password,
        String ownerUser,
        String ownerPassword,
        @DefaultValue("20") int poolSize,
        @DefaultValue("latest") String migrateTo,
        @DefaultValue Embedded embedded,
        @DefaultValue("auto") String readOnly,
        @DefaultValue("15s") java.time.Duration standbyCheck) {

    public boolean external() {
        return url != null && !url.isBlank();
    }

    public String effectiveOwnerUser() {
        return ownerUser == null || ownerUser.isBlank() ? user : ownerUser;
    }

    public String effectiveOwnerPassword() {
        return ownerUser == null || ownerUser.isBlank() ? password : ownerPassword;
    }

    /**
     * @param dataDirectory where the embedded cluster lives; kept across restarts. Its roles' passwords
     *                      are kept beside it, in {@code <dataDirectory>.passwords} (mode 600)
     * @param port          TCP port on 127.0.0.1; 0 picks a free one
     * @param cleanOnStart  wipe the data directory at start (tests only)
     * @param settings      PostgreSQL server settings over {@link EmbeddedSettings#DEFAULTS}, e.g.
     *                      {@code musubi.database.embedded.settings[shared_buffers]=1GB}
     */
    public record Embedded(
            @DefaultValue("./data/postgres") Path dataDirectory,
            @DefaultValue("0") int port,
            @DefaultValue("false") boolean cleanOnStart,
            Map<String, String> settings) {

        public Embedded {
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }
    }
}
