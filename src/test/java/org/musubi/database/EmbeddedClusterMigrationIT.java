package org.musubi.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A data directory made before the embedded PostgreSQL required passwords (its rules trusted every
 * local connection) keeps starting: at its next start its roles get passwords, its rules are rewritten,
 * and from then on nothing gets in without a password; later starts reuse the same passwords.
 */
class EmbeddedClusterMigrationIT {

    @TempDir
    Path dir;

    @Test
    void anOldTrustingClusterKeepsItsDataAndRequiresPasswordsFromItsNextStart() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start()) {
            JdbcClient.create(old.getPostgresDatabase()).sql("CREATE ROLE musubi_app LOGIN").update();
            JdbcClient.create(old.getPostgresDatabase()).sql("CREATE TABLE kept AS SELECT 'before' AS note").update();
        }
        DatabaseProperties.Embedded embedded = new DatabaseProperties.Embedded(data, 0, false, Map.of());

        String firstPassword;
        try (DatabaseEndpoint endpoint = EmbeddedCluster.start(embedded, "musubi_app")) {
            int port = endpoint.embedded().getPort();
            assertThatThrownBy(() -> connect(port, "postgres", null)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(port, "musubi_app", null)).isInstanceOf(SQLException.class);
            assertThat(note(port, "postgres", endpoint.ownerPassword())).isEqualTo("before");
            try (Connection app = connect(port, "musubi_app", endpoint.appPassword())) {
                assertThat(app.isValid(5)).isTrue();
            }
            firstPassword = endpoint.ownerPassword();
        }
        Path file = EmbeddedPasswords.fileOf(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).isEqualTo(EmbeddedAccess.RULES);

        try (DatabaseEndpoint again = EmbeddedCluster.start(embedded, "musubi_app")) {
            assertThat(again.ownerPassword()).as("the same passwords").isEqualTo(firstPassword);
            assertThat(note(again.embedded().getPort(), "postgres", again.ownerPassword())).isEqualTo("before");
        }

        Files.delete(file);
        assertThatThrownBy(() -> EmbeddedCluster.start(embedded, "musubi_app"))
                .hasMessageContaining("password").hasMessageContaining(file.toString());
    }

    @Test
    void aNewClusterAsksForPasswordsFromItsFirstStart() throws Exception {
        Path data = dir.resolve("fresh/postgres");
        try (DatabaseEndpoint endpoint = EmbeddedCluster.start(new DatabaseProperties.Embedded(data, 0, false, Map.of()),
                "musubi_app")) {
            int port = endpoint.embedded().getPort();
            assertThatThrownBy(() -> connect(port, "postgres", null)).isInstanceOf(SQLException.class);
            try (Connection superuser = connect(port, "postgres", endpoint.ownerPassword())) {
                assertThat(superuser.isValid(5)).isTrue();
            }
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).isEqualTo(EmbeddedAccess.RULES);
    }

    @Test
    void cleanOnStartWipesAClusterLeftBehindByARunThatWasKilled() throws Exception {
        Path data = dir.resolve("left/postgres");
        try (DatabaseEndpoint first = EmbeddedCluster.start(new DatabaseProperties.Embedded(data, 0, false, Map.of()),
                "musubi_app")) {
            try (Connection owner = connect(first.embedded().getPort(), "postgres", first.ownerPassword())) {
                JdbcClient.create(new SingleConnectionDataSource(owner, true))
                        .sql("CREATE TABLE kept AS SELECT 'before' AS note").update();
            }
        }
        assertThat(data.resolve("PG_VERSION")).as("a cluster left behind, as after kill -9").exists();

        try (DatabaseEndpoint clean = EmbeddedCluster.start(new DatabaseProperties.Embedded(data, 0, true, Map.of()),
                "musubi_app")) {
            try (Connection owner = connect(clean.embedded().getPort(), "postgres", clean.ownerPassword())) {
                assertThat(JdbcClient.create(new SingleConnectionDataSource(owner, true))
                        .sql("SELECT count(*) FROM pg_tables WHERE tablename = 'kept'").query(Long.class).single()).isZero();
            }
        }
    }

    private static String note(int port, String user, String password) throws SQLException {
        try (Connection connection = connect(port, user, password)) {
            return JdbcClient.create(new SingleConnectionDataSource(connection, true)).sql("SELECT note FROM kept")
                    .query(String.class).single();
        }
    }

    private static Connection connect(int port, String user, String password) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName("postgres");
        source.setUser(user);
        source.setPassword(password);
        return source.getConnection();
    }
}
