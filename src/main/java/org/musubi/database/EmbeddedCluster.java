package org.musubi.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL: listening on 127.0.0.1 only, every role (the superuser too) with a
 * password of its own ({@link EmbeddedPasswords}). A new cluster is made with its superuser's password
 * and password authentication from the first moment; a cluster made before passwords were required
 * (its rules trusted every local connection) is started once more under its old rules, given its
 * passwords, and switched over ({@link EmbeddedAccess}) before Musubi uses it.
 */
final class EmbeddedCluster {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);
    private static final String SCRAM = "scram-sha-256";

    private EmbeddedCluster() {
    }

    static DatabaseEndpoint start(DatabaseProperties.Embedded embedded, String appRole) {
        Path directory = embedded.dataDirectory().toAbsolutePath().normalize();
        Path pwfile = null;
        try {
            Files.createDirectories(directory);
            EmbeddedLock.refuseIfInUse(directory);
            if (embedded.cleanOnStart()) {
                // Wiped here, not by the library (which would delete it on close, and never after a killed run,
                // leaving a cluster that initdb refuses).
                emptyDirectory(directory);
            }
            boolean fresh = embedded.cleanOnStart() || !Files.exists(directory.resolve("postgresql.conf"));
            EmbeddedPasswords passwords = fresh ? EmbeddedPasswords.create(EmbeddedPasswords.fileOf(directory))
                    : existing(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    // Never deleted on close: clean-on-start wipes it at the next start (above), and what a start made
                    // stays for the next (demo reset, a test's later look).
                    .setCleanDataDirectory(false)
                    .setConnectConfig("password", passwords.superuser());
            EmbeddedSettings.of(embedded.settings()).forEach(builder::setServerConfig);
            if (embedded.port() > 0) {
                builder.setPort(embedded.port());
            }
            if (fresh) {
                // initdb takes these after the library's own "-A trust": the later options win.
                pwfile = passwords.superuserFile();
                builder.setLocaleConfig("pwfile", pwfile.toString())
                        .setLocaleConfig("auth-local", SCRAM)
                        .setLocaleConfig("auth-host", SCRAM);
            }
            log.info("Starting embedded PostgreSQL in {}", directory);
            EmbeddedPostgres postgres = started(builder, passwords);
            EmbeddedRoles.ensureAppRole(postgres.getPostgresDatabase(), appRole, passwords);
            if (!EmbeddedAccess.inForce(directory)) {
                EmbeddedAccess.enforce(postgres.getPostgresDatabase(), directory, postgres.getPort());
            }
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            return new DatabaseEndpoint(url, "postgres", passwords.superuser(), appRole, passwords.app(), postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL failed to start in " + directory, e);
        } finally {
            deleteQuietly(pwfile);
        }
    }

    /** The passwords of an existing cluster; new ones only for a cluster that has never required them. */
    private static EmbeddedPasswords existing(Path directory) {
        Path file = EmbeddedPasswords.fileOf(directory);
        return EmbeddedPasswords.read(file).orElseGet(() -> {
            if (EmbeddedAccess.inForce(directory)) {
                throw new IllegalStateException("The embedded database in " + directory + " requires passwords, but their"
                        + " file " + file + " is missing. Restore it from your backup of the data directory. / "
                        + "組み込みデータベースのパスワードファイルがありません。データディレクトリのバックアップから復元してください。");
            }
            log.warn("The embedded database in {} was made before Musubi required passwords: its roles get passwords"
                    + " (kept in {}) and it will refuse connections without one from now on", directory, file);
            return EmbeddedPasswords.create(file);
        });
    }

    private static EmbeddedPostgres started(EmbeddedPostgres.Builder builder, EmbeddedPasswords passwords) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IOException(e.getMessage() + " (if the server started but refused the superuser, the password in "
                    + passwords.file() + " is not the cluster's: restore that file from your backup)", e);
        }
    }

    private static void emptyDirectory(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary password file {}: delete it by hand", file);
        }
    }
}
