package org.musubi.nodes;

import org.musubi.testing.TestDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.musubi.testing.ChildJvms;
import org.musubi.testing.ChildServers;
import org.musubi.testing.EmbeddedClusters;

/**
 * A second Musubi node for the tests of several nodes (issue 41): {@code musubi serve} in a child JVM (its own memory)
 * on the integration tests' PostgreSQL, with the same secret key file and blob directory as the tests' own server (node
 * A) and the same settings {@code @MusubiIntegrationTest} gives it, but its own upload directory: a node's local disk is
 * not another node's. Started, killed with SIGKILL ({@link #kill}) and started again on the same port.
 */
final class SecondNode implements AutoCloseable {

    private final DataSource dataSource;
    private final Path work;
    private final List<String> extra;
    private final int port;
    private Process process;
    private int starts;
    private long startingNanos;

    private SecondNode(DataSource dataSource, Path work, List<String> extra, int port) {
        this.dataSource = dataSource;
        this.work = work;
        this.extra = extra;
        this.port = port;
    }

    /** Starts node B on a free port; {@code extra} are more {@code --name=value} settings. */
    static SecondNode start(DataSource dataSource, Path work, String... extra) throws Exception {
        SecondNode node = new SecondNode(dataSource, work, List.of(extra), ChildServers.freePort());
        node.restart();
        return node;
    }

    int port() {
        return port;
    }

    /** How many times the node was started, and how long the starts took altogether (seconds). */
    String starts() {
        return "%d starts of node B took %.1f s".formatted(starts, startingNanos / 1e9);
    }

    /** Starts the node (again) on its port; returns once {@code /actuator/health} answers. */
    void restart() throws Exception {
        Path log = work.resolve("node-b-" + (++starts) + ".log");
        List<String> command = new ArrayList<>(ChildJvms.java("-Xmx512m", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of("org.musubi.Musubi", "serve", "--server.port=" + port,
                "--musubi.security.secret-key-file=" + TestDirs.arg("it-secret.key"), "--musubi.blob.directory=" + TestDirs.arg("it-blobs"),
                // The shared test database is in demo mode: a server outside demo mode would disable its demo accounts.
                "--musubi.demo.enabled=true", "--musubi.demo.import-persons=0", "--musubi.fhir.warm-up=false",
                "--musubi.security.ip-max-failures=40", "--musubi.policy.matrix.MUNICIPAL_STAFF=NONE",
                "--musubi.ingest.upload-max-size=2MB", "--musubi.ingest.upload-directory=" + work.resolve("node-b-uploads"),
                "--musubi.web.trusted-proxies=127.0.0.1,::1", "--musubi.fhir.validation=rules",
                "--logging.structured.format.console=", "--spring.main.banner-mode=off"));
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command);
        EmbeddedClusters.shareWith(builder, dataSource);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        long started = System.nanoTime();
        process = ChildServers.start(builder, port, log, Duration.ofMinutes(3));
        startingNanos += System.nanoTime() - started;
    }

    /** SIGKILL: the node stops at once, whatever it was doing (no shutdown hook, no graceful end of requests). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
