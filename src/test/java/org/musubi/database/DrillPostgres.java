package org.musubi.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of the standby drill, driven with the embedded binaries ({@code initdb}, {@code pg_ctl}; no
 * {@code pg_basebackup} among them): a primary made by {@code initdb} that streams WAL, and a standby made from it with
 * the low-level backup API, as docs/disaster.md describes for operators. As root (a container), every command runs in
 * a user namespace of its own ({@code unshare -U}), where PostgreSQL does not see root, as the embedded library does.
 */
final class DrillPostgres {

    static final String SUPERUSER_PASSWORD = "drill-superuser";
    static final String REPLICATOR = "replicator";
    static final String REPLICATOR_PASSWORD = "drill-replicator";
    private final Path bin;
    private final Path data;
    private final int port;

    private DrillPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The embedded binaries' directory the embedded library unpacked, if any. */
    static Optional<Path> binaries() {
        Path unpacked = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        if (!Files.isDirectory(unpacked)) {
            return Optional.empty();
        }
        try (var versions = Files.list(unpacked)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))
                            && Files.isExecutable(dir.resolve("postgres")))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A new primary: password authentication, WAL for a streaming standby, a replication role allowed from loopback. */
    static DrillPostgres primary(Path bin, Path data, int port) throws Exception {
        Files.createDirectories(data.getParent());
        Path pwfile = data.resolveSibling("superuser.pw");
        Files.writeString(pwfile, SUPERUSER_PASSWORD);
        run(bin, "initdb", "-D", data.toString(), "-U", "postgres", "-A", "scram-sha-256", "--pwfile=" + pwfile,
                "-E", "UTF8", "--locale=C", "--no-sync");
        Files.delete(pwfile);
        DrillPostgres primary = new DrillPostgres(bin, data, port);
        primary.configure("wal_level = replica", "max_wal_senders = 5", "wal_keep_size = '256MB'",
                // a drill: durability of the test's disk is not what is tested
                "fsync = off", "synchronous_commit = off", "shared_buffers = '64MB'");
        Files.writeString(data.resolve("pg_hba.conf"),
                "host replication " + REPLICATOR + " 127.0.0.1/32 scram-sha-256\n", StandardOpenOption.APPEND);
        primary.start();
        primary.execute("CREATE ROLE " + REPLICATOR + " REPLICATION LOGIN PASSWORD '" + REPLICATOR_PASSWORD + "'");
        return primary;
    }

    /**
     * A hot standby of this primary in {@code data}: {@code pg_backup_start}, a copy of the data directory (without
     * {@code postmaster.pid}, {@code postmaster.opts} and the contents of {@code pg_wal} and {@code pg_replslot}),
     * {@code pg_backup_stop} and its {@code backup_label}, then {@code standby.signal} and {@code primary_conninfo}.
     * Returns once it accepts read-only connections and has replayed everything the primary had written.
     */
    DrillPostgres standby(Path standbyData, int standbyPort) throws Exception {
        String label;
        try (Connection session = connect()) {
            try (Statement statement = session.createStatement()) {
                statement.execute("SELECT pg_backup_start('drill', true)");
            }
            copy(data, standbyData);
            try (Statement statement = session.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                rs.next();
                label = rs.getString(1);
            }
        }
        Files.writeString(standbyData.resolve("backup_label"), label);
        Files.createDirectories(standbyData.resolve("pg_wal").resolve("archive_status"));
        Files.writeString(standbyData.resolve("standby.signal"), "");
        DrillPostgres standby = new DrillPostgres(bin, standbyData, standbyPort);
        standby.configure("primary_conninfo = 'host=127.0.0.1 port=" + port + " user=" + REPLICATOR + " password="
                + REPLICATOR_PASSWORD + " application_name=drill'", "hot_standby = on");
        standby.start();
        standby.catchUpWith(this);
        return standby;
    }

    /** Waits until this standby has replayed all the WAL {@code primary} has written so far. */
    void catchUpWith(DrillPostgres primary) throws Exception {
        String target = primary.query("SELECT pg_current_wal_lsn()::text");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if ("t".equals(query("SELECT CASE WHEN pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn THEN 't' ELSE 'f' END"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the standby did not replay up to " + target + " within 30 s");
    }

    int port() {
        return port;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", SUPERUSER_PASSWORD);
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    String query(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** {@code pg_ctl promote}: the standby ends recovery and takes writes. */
    void promote() throws Exception {
        run(bin, "pg_ctl", "-D", data.toString(), "-w", "-t", "60", "promote");
    }

    void stop() {
        try {
            run(bin, "pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
        } catch (Exception e) {
            // already stopped
        }
    }

    private void configure(String... lines) throws IOException {
        List<String> settings = new ArrayList<>(List.of("listen_addresses = '127.0.0.1'", "port = " + port,
                "unix_socket_directories = ''", "max_connections = 60"));
        settings.addAll(List.of(lines));
        Files.writeString(data.resolve("postgresql.conf"), "\n" + String.join("\n", settings) + "\n",
                StandardOpenOption.APPEND);
    }

    private void start() throws Exception {
        run(bin, "pg_ctl", "-D", data.toString(), "-l", data.resolveSibling(data.getFileName() + ".log").toString(),
                "-w", "-t", "60", "start");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path relative = from.relativize(path);
                String name = relative.toString();
                if (name.equals("postmaster.pid") || name.equals("postmaster.opts")
                        || (name.startsWith("pg_wal/") || name.startsWith("pg_replslot/"))) {
                    continue;
                }
                Path target = to.resolve(relative);
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target);
                    }
                } catch (NoSuchFileException gone) {
                    // a file the running primary removed meanwhile: WAL replay recreates what matters
                }
            }
        }
        setOwnerOnly(to);
    }

    private static void setOwnerOnly(Path directory) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }

    private static void run(Path bin, String program, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(program + " failed: " + output);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
