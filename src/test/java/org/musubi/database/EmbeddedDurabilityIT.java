package org.musubi.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL runs durable: a commit Musubi reported (an import's chunk, an audit row) is on
 * disk before the call returns. The embedding library alone would start it with synchronous_commit off.
 */
@MusubiIntegrationTest
class EmbeddedDurabilityIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void commitsWaitForTheWalToBeFlushed() {
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void importFriendlyCheckpointSettingsAreInEffect() {
        assertThat(setting("max_wal_size")).isEqualTo("4GB");
        assertThat(setting("checkpoint_timeout")).isEqualTo("15min");
        assertThat(setting("listen_addresses")).isEqualTo("127.0.0.1");
    }

    private String setting(String name) {
        return jdbc.sql("SELECT current_setting(?)").param(name).query(String.class).single();
    }
}
