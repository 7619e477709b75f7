package org.musubi.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded cluster: every role, the superuser too, with its password
 * (SCRAM-SHA-256), over TCP from 127.0.0.1 or over the Unix socket; nobody without one. Musubi owns the
 * cluster's {@code pg_hba.conf}: when it does not hold exactly these rules (a cluster made before
 * passwords were required trusted every local connection), Musubi writes them, reloads the server,
 * ends every other session opened while the old rules held, and checks that a connection without a
 * password is now refused.
 */
final class EmbeddedAccess {

    static final String RULES = """
            # Written by Musubi when its embedded PostgreSQL starts; anything else here is replaced.
            # Every role logs in with its password (SCRAM-SHA-256), over the Unix socket or over TCP from 127.0.0.1.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            """;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedAccess.class);
    private static final long PROBE_MILLIS = 10_000;

    private EmbeddedAccess() {
    }

    /** Whether the cluster in {@code dataDirectory} holds exactly Musubi's rules. */
    static boolean inForce(Path dataDirectory) {
        Path rules = dataDirectory.resolve("pg_hba.conf");
        try {
            return Files.exists(rules) && Files.readString(rules, StandardCharsets.UTF_8).equals(RULES);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + rules, e);
        }
    }

    /** Puts Musubi's rules in force in the running cluster, as its superuser. */
    static void enforce(DataSource superuser, Path dataDirectory, int port) {
        Path rules = dataDirectory.resolve("pg_hba.conf");
        try {
            Path temporary = Files.createTempFile(dataDirectory, ".pg_hba", ".tmp");
            Files.writeString(temporary, RULES, StandardCharsets.UTF_8);
            Files.move(temporary, rules, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + rules, e);
        }
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reload the embedded PostgreSQL's access rules", e);
        }
        awaitRefusalWithoutPassword(port);
        log.info("The embedded PostgreSQL's access rules are in force: every role needs its password, TCP from 127.0.0.1"
                + " only ({} written)", rules);
    }

    private static void awaitRefusalWithoutPassword(int port) {
        PGSimpleDataSource anonymous = new PGSimpleDataSource();
        anonymous.setServerNames(new String[] {"127.0.0.1"});
        anonymous.setPortNumbers(new int[] {port});
        anonymous.setDatabaseName("postgres");
        anonymous.setUser("postgres");
        long deadline = System.currentTimeMillis() + PROBE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try (Connection connection = anonymous.getConnection()) {
                sleep();
            } catch (SQLException refused) {
                // 28xxx: the server refused the login; 08004: the driver was asked for a password it does not have.
                String state = refused.getSQLState();
                if (state != null && (state.startsWith("28") || state.equals("08004"))) {
                    return;
                }
                sleep();
            }
        }
        throw new IllegalStateException("The embedded PostgreSQL still lets its superuser in without a password after"
                + " its access rules were rewritten; refusing to go on");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the embedded PostgreSQL's access rules", e);
        }
    }
}
