package org.musubi.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Embedded clusters Musubi made, seen from outside: each role needs its password, kept in
 * {@code <data-directory>.passwords} ({@code postgres}: the superuser, {@code app}: the application's role).
 */
public final class EmbeddedClusters {

    /** The data directory of the cluster every {@link MusubiIntegrationTest} shares. */
    public static final Path SHARED = TestDirs.of("it-postgres");

    private EmbeddedClusters() {
    }

    /** A password from the cluster's password file: {@code postgres} or {@code app}. */
    public static String password(Path dataDirectory, String role) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        Path file = absolute.resolveSibling(absolute.getFileName() + ".passwords");
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values.getProperty(role);
    }

    /** Starts a cluster Musubi made (a restored one, say) to look into it, as its superuser with the password. */
    public static EmbeddedPostgres open(Path dataDirectory) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setConnectConfig("password", password(dataDirectory, "postgres")).start();
    }

    /** Lets a child {@code musubi} use the shared test cluster as an external database, with its roles' passwords. */
    public static void shareWith(ProcessBuilder child, DataSource application) {
        HikariDataSource pool;
        try {
            pool = application.unwrap(HikariDataSource.class); // the tests' context wraps it to count statements
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        child.environment().put("MUSUBI_DB_URL", pool.getJdbcUrl());
        child.environment().put("MUSUBI_DB_USER", pool.getUsername());
        child.environment().put("MUSUBI_DB_PASSWORD", pool.getPassword());
        child.environment().put("MUSUBI_DB_OWNER_USER", "postgres");
        child.environment().put("MUSUBI_DB_OWNER_PASSWORD", password(SHARED, "postgres"));
    }
}
