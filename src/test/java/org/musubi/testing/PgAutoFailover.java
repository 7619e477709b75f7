package org.musubi.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster with automatic failover, as a network's database team would run it with Debian's
 * pg_auto_failover ({@code postgresql-15-auto-failover}): a monitor, a primary and a synchronous secondary, each a
 * {@code pg_autoctl run} keeper with its PostgreSQL 15 on a loopback port, data in a directory of their own (as the
 * {@code postgres} user when the tests run as root: PostgreSQL refuses to run as root). The database {@code musubi} has
 * Musubi's two roles as docs/external-postgresql.md creates them; nodes reach whichever server is primary through
 * {@link #jdbcUrl()}, PgJDBC's list of both hosts with {@code targetServerType=primary}.
 */
public final class PgAutoFailover implements AutoCloseable {

    public static final String OWNER = "musubi_owner";
    public static final String APP = "musubi_app";
    public static final String OWNER_PASSWORD = "failover-drill-owner";
    public static final String APP_PASSWORD = "failover-drill-app";
    private static final Path AUTOCTL = Path.of("/usr/bin/pg_autoctl");
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path dir;
    private final int monitorPort;
    private final int[] ports;
    private final Map<String, Process> keepers = new java.util.concurrent.ConcurrentHashMap<>();

    private PgAutoFailover(Path dir, int monitorPort, int[] ports) {
        this.dir = dir;
        this.monitorPort = monitorPort;
        this.ports = ports;
    }

    /** Whether pg_autoctl and PostgreSQL 15's binaries are installed here. */
    public static boolean installed() {
        return Files.isExecutable(AUTOCTL) && Files.isExecutable(BIN.resolve("pg_ctl"));
    }

    /**
     * Creates and starts the monitor, node 1 (primary) and node 2 (its synchronous secondary) under a new directory
     * in the system's temporary directory (readable by the {@code postgres} user), then the database's roles.
     */
    public static PgAutoFailover start() throws IOException, InterruptedException, SQLException {
        Path dir = Files.createTempDirectory("musubi-failover-");
        PgAutoFailover cluster = new PgAutoFailover(dir, ChildServers.freePort(),
                new int[] {ChildServers.freePort(), ChildServers.freePort()});
        try {
            Files.createDirectories(dir.resolve("run"));
            if (ROOT) {
                cluster.run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
            }
            cluster.autoctl("create", "monitor", "--pgdata", cluster.data("monitor"), "--pgport",
                    String.valueOf(cluster.monitorPort), "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl");
            cluster.keep("monitor");
            for (int node = 1; node <= 2; node++) {
                cluster.autoctl("create", "postgres", "--pgdata", cluster.data("node" + node), "--pgport",
                        String.valueOf(cluster.port(node)), "--listen", "127.0.0.1", "--hostname", "127.0.0.1", "--name",
                        "node" + node, "--dbname", "musubi", "--monitor", "postgres://autoctl_node@127.0.0.1:"
                                + cluster.monitorPort + "/pg_auto_failover?sslmode=disable", "--auth", "trust", "--no-ssl");
                cluster.keep("node" + node);
                cluster.awaitState(Duration.ofMinutes(3), node == 1 ? Map.of("node1", "single")
                        : Map.of("node1", "primary", "node2", "secondary"));
            }
            cluster.createRoles();
        } catch (IOException | InterruptedException | SQLException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Musubi's URL: both nodes, the one that takes writes chosen by PgJDBC. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1]
                + "/musubi?targetServerType=primary&connectTimeout=5&hostRecheckSeconds=2";
    }

    /** Node {@code node}'s (1 or 2) PostgreSQL port. */
    public int port(int node) {
        return ports[node - 1];
    }

    /**
     * The loss of node {@code node}'s machine: its keeper and its PostgreSQL (postmaster first, then every process of
     * the node) end with SIGKILL at once, so nothing restarts or stops them cleanly.
     */
    public void kill(int node) throws IOException, InterruptedException {
        String name = "node" + node;
        List<String> pid = Files.readAllLines(dir.resolve(name).resolve("postmaster.pid"));
        Process keeper = keepers.remove(name);
        List<ProcessHandle> all = new ArrayList<>(keeper.descendants().toList());
        all.add(keeper.toHandle());
        ProcessHandle.of(Long.parseLong(pid.getFirst().strip())).ifPresent(ProcessHandle::destroyForcibly);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().join();
        }
    }

    /** Starts node {@code node}'s keeper again (after {@link #kill}): it rejoins the cluster, as a secondary. */
    public void rejoin(int node) throws IOException {
        keep("node" + node);
    }

    /** {@code pg_autoctl show state}: the nodes' names, reported and assigned states. */
    public String state() throws IOException, InterruptedException {
        return autoctlOutput("show", "state", "--pgdata", data("monitor"));
    }

    /**
     * {@code pg_autoctl show events}: the monitor's last {@code count} events (a node reported unhealthy, a primary
     * assigned wait_primary, which turns synchronous replication off while its standby is away, a promotion …).
     */
    public String events(int count) throws IOException, InterruptedException {
        return autoctlOutput("show", "events", "--count", String.valueOf(count), "--pgdata", data("monitor"));
    }

    /** Waits until each named node reports its state and is assigned it, as {@code pg_autoctl show state} shows. */
    public void awaitState(Duration timeout, Map<String, String> states) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String shown = "";
        while (Instant.now().isBefore(deadline)) {
            shown = state();
            String current = shown;
            if (states.entrySet().stream().allMatch(e -> current.lines().anyMatch(line -> line.startsWith(e.getKey() + " ")
                    && line.matches(".*\\|\\s*" + e.getValue() + "\\s*\\|\\s*" + e.getValue() + "\\s*$")))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the cluster did not reach " + states + " within " + timeout.toSeconds() + " s:\n"
                + shown);
    }

    /** Asks node {@code node}'s PostgreSQL (as superuser) one value. */
    public String ask(int node, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port(node) + "/musubi",
                "postgres", ""); Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void createRoles() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port(1) + "/musubi",
                "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
            statement.execute("CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
            statement.execute("ALTER DATABASE musubi OWNER TO " + OWNER);
            statement.execute("GRANT USAGE ON SCHEMA public TO " + APP);
        }
    }

    private String data(String name) {
        return dir.resolve(name).toString();
    }

    private void keep(String name) throws IOException {
        ProcessBuilder builder = builder(List.of(AUTOCTL.toString(), "run", "--pgdata", data(name)));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()));
        keepers.put(name, builder.start());
    }

    private void autoctl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AUTOCTL.toString()));
        command.addAll(List.of(arguments));
        run(command, true);
    }

    private String autoctlOutput(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AUTOCTL.toString()));
        command.addAll(List.of(arguments));
        Process process = builder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        Path log = dir.resolve("commands.log");
        ProcessBuilder builder = asPostgres ? builder(command) : new ProcessBuilder(command);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            String text = Files.readString(log);
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + text.substring(Math.max(0, text.length() - 3000)));
        }
    }

    /** The command as the {@code postgres} user when this JVM runs as root, with pg_autoctl's environment. */
    private ProcessBuilder builder(List<String> command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(dir.toFile());
        builder.environment().put("PATH", BIN + ":" + System.getenv("PATH"));
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("share").toString());
        builder.environment().put("XDG_RUNTIME_DIR", dir.resolve("run").toString());
        builder.environment().put("HOME", dir.toString());
        return builder;
    }

    @Override
    public void close() throws InterruptedException {
        List<Process> running = new ArrayList<>(keepers.values());
        keepers.clear();
        for (Process keeper : running) {
            keeper.descendants().forEach(ProcessHandle::destroy);
            keeper.destroy();
        }
        for (Process keeper : running) {
            if (!keeper.waitFor(30, TimeUnit.SECONDS)) {
                keeper.descendants().forEach(ProcessHandle::destroyForcibly);
                keeper.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
