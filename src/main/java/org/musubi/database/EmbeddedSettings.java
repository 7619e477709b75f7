package org.musubi.database;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server settings the embedded PostgreSQL starts with. The embedding library's own defaults turn
 * {@code synchronous_commit} off, which would let a crash of PostgreSQL or the machine lose
 * transactions Musubi already reported as stored (an import's chunk, an audit row): Musubi sets it on,
 * with {@code fsync} and {@code full_page_writes}. The WAL and checkpoint settings suit imports, which
 * write many gigabytes: checkpoints every 15 minutes or 4 GB of WAL instead of every 5 minutes or
 * 1 GB, so fewer full-page images are written. Operators may override these settings, or add others,
 * but not where it listens (only 127.0.0.1) nor who may log in: Musubi keeps its access rules
 * ({@link EmbeddedAccess}) in the cluster's own {@code pg_hba.conf}.
 */
final class EmbeddedSettings {

    static final Map<String, String> DEFAULTS = Map.of(
            "listen_addresses", "127.0.0.1",
            "max_connections", "100",
            "synchronous_commit", "on",
            "fsync", "on",
            "full_page_writes", "on",
            "shared_buffers", "256MB",
            "max_wal_size", "4GB",
            "checkpoint_timeout", "15min",
            "checkpoint_completion_target", "0.9");
    private static final Set<String> FIXED = Set.of("listen_addresses", "port", "hba_file",
            "ident_file", "unix_socket_permissions");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.]{0,62}");

    private EmbeddedSettings() {
    }

    /** The defaults with {@code overrides} over them; a setting's name must be a PostgreSQL parameter name. */
    static Map<String, String> of(Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>(DEFAULTS);
        overrides.forEach((name, value) -> {
            if (FIXED.contains(name)) {
                throw new IllegalArgumentException("musubi.database.embedded.settings: '" + name + "' は変更できません"
                        + " / cannot be changed: the embedded PostgreSQL listens only on 127.0.0.1, on"
                        + " musubi.database.embedded.port, and requires a password of every role (its own pg_hba.conf)");
            }
            if (!NAME.matcher(name).matches() || value == null || value.isBlank()) {
                throw new IllegalArgumentException("musubi.database.embedded.settings: 設定が不正です / invalid setting '" + name + "'");
            }
            settings.put(name, value);
        });
        return settings;
    }
}
