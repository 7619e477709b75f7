package org.musubi.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.musubi.testing.EmbeddedClusters;
import org.musubi.testing.MusubiIntegrationTest;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL lets no one in without a password, not even on the same host: every role,
 * its superuser too, has one, kept in a file only the service's user may read.
 */
@MusubiIntegrationTest
class EmbeddedPasswordsIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OwnerDatabase owner;

    @Test
    void aConnectionWithoutThePasswordIsRefusedAndWithItWorks() throws SQLException {
        int port = jdbc.sql("SELECT inet_server_port()").query(Integer.class).single();

        assertThatThrownBy(() -> connect(port, "postgres", null)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(port, "musubi_app", null)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(port, "postgres", "not-the-password")).isInstanceOf(SQLException.class);
        try (Connection superuser = connect(port, "postgres", EmbeddedClusters.password(EmbeddedClusters.SHARED, "postgres"));
             Connection app = connect(port, "musubi_app", EmbeddedClusters.password(EmbeddedClusters.SHARED, "app"))) {
            assertThat(superuser.isValid(5)).isTrue();
            assertThat(app.isValid(5)).isTrue();
        }
    }

    @Test
    void thePasswordFileIsReadableByTheServicesUserOnly() throws Exception {
        Path file = EmbeddedPasswords.fileOf(EmbeddedClusters.SHARED);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("musubi_app=");
    }

    @Test
    void everyAccessRuleAsksForAPasswordAndTheServerListensOnLoopbackOnly() {
        JdbcClient asOwner = JdbcClient.create(owner.dataSource());

        assertThat(asOwner.sql("SELECT DISTINCT auth_method FROM pg_hba_file_rules").query(String.class).list())
                .containsExactly("scram-sha-256");
        assertThat(asOwner.sql("SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL OR (type = 'host'"
                + " AND address <> '127.0.0.1')").query(Long.class).single()).isZero();
        assertThat(asOwner.sql("SELECT current_setting('listen_addresses')").query(String.class).single()).isEqualTo("127.0.0.1");
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
