package org.musubi.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL runs durable: a commit Musubi reported (an import's chunk, an audit row) is on disk before
 * the call returns. The embedding library alone would start it with synchronous_commit off.
 *
 * <p>The cluster here is started as Musubi starts it with nothing configured: its {@code musubi.database} settings
 * bound from an empty configuration (only the data directory given), then {@link EmbeddedCluster}. The cluster the
 * integration tests share is not this one: {@link org.musubi.testing.MusubiIntegrationTest} turns its durability off
 * (a test never crashes it, and its fsyncs were a fifth of the attacker suite's time), so it cannot stand for the
 * product's default.
 */
class EmbeddedDurabilityIT {

    @TempDir
    Path dir;

    @Test
    void aClusterStartedWithNothingConfiguredIsDurableAndSuitsImports() throws Exception {
        DatabaseProperties unconfigured = new Binder(new MapConfigurationPropertySource(Map.of(
                "musubi.database.embedded.data-directory", dir.resolve("postgres").toString())))
                .bindOrCreate("musubi.database", DatabaseProperties.class);
        assertThat(unconfigured.embedded().settings()).isEmpty();

        try (DatabaseEndpoint endpoint = EmbeddedCluster.start(unconfigured.embedded(), unconfigured.user())) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setUrl(endpoint.url());
            source.setUser(endpoint.ownerUser());
            source.setPassword(endpoint.ownerPassword());
            JdbcClient jdbc = JdbcClient.create(source);

            // commits wait for the WAL to be flushed, and pages survive a torn write
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(jdbc, "fsync")).isEqualTo("on");
            assertThat(setting(jdbc, "full_page_writes")).isEqualTo("on");
            // the import-friendly checkpoints, and loopback only
            assertThat(setting(jdbc, "max_wal_size")).isEqualTo("4GB");
            assertThat(setting(jdbc, "checkpoint_timeout")).isEqualTo("15min");
            assertThat(setting(jdbc, "listen_addresses")).isEqualTo("127.0.0.1");
        }
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("SELECT current_setting(?)").param(name).query(String.class).single();
    }
}
