package org.musubi.testing;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Two Musubi nodes behind the documented nginx (issue 66): two {@code musubi serve} in child JVMs on the integration
 * tests' PostgreSQL — the same secret key file and blob directory as the tests' own server, each its own upload
 * directory — with {@link NginxProxy} in front, as docs/scaling.md sets up a network. A test sends its requests to
 * {@link #base()} through {@link #client()} (nginx balances them over both nodes) and may stop, start or kill either
 * node meanwhile. Skipped when nginx is not installed.
 *
 * <pre>{@code
 * @TempDir Path work;
 * try (ProxiedNodes nodes = ProxiedNodes.start(dataSource, work)) {
 *     HttpResponse<String> answer = nodes.client().send(HttpRequest.newBuilder(URI.create(nodes.base() + "/fhir"))…);
 *     nodes.restart(0);
 * }
 * }</pre>
 */
public final class ProxiedNodes implements AutoCloseable {

    private final DataSource dataSource;
    private final Path work;
    private final List<String> settings;
    private final int[] ports;
    private final Process[] processes;
    private final int[] starts;
    private NginxProxy proxy;

    private ProxiedNodes(DataSource dataSource, Path work, List<String> settings, int[] ports) {
        this.dataSource = dataSource;
        this.work = work;
        this.settings = settings;
        this.ports = ports;
        this.processes = new Process[ports.length];
        this.starts = new int[ports.length];
    }

    /**
     * Starts both nodes (at once) and nginx in front of them; {@code settings} ({@code --name=value}) go to both nodes.
     * Skips the calling test when nginx is not installed.
     */
    public static ProxiedNodes start(DataSource dataSource, Path work, String... settings) throws Exception {
        NginxProxy.assumeInstalled();
        ProxiedNodes nodes = new ProxiedNodes(dataSource, work, List.of(settings),
                new int[] {ChildServers.freePort(), ChildServers.freePort()});
        try {
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> nodes.startUnchecked(1));
            nodes.start(0);
            second.join();
            nodes.proxy = NginxProxy.start(work, nodes.ports);
        } catch (CompletionException e) {
            nodes.close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (Exception e) {
            nodes.close();
            throw e;
        }
        return nodes;
    }

    /** The public address, {@code https://localhost:<port>}, nginx's. */
    public String base() {
        return proxy.base();
    }

    /** A client that trusts the proxy's certificate and never follows redirects. */
    public HttpClient client() {
        return proxy.client();
    }

    /** The proxy itself (its logs, its plain-HTTP port). */
    public NginxProxy proxy() {
        return proxy;
    }

    /** Node {@code node}'s own port (0 or 1), to reach it without the proxy. */
    public int port(int node) {
        return ports[node];
    }

    /** Starts node {@code node} (again) on its port; returns once its {@code /actuator/health} answers. */
    public void start(int node) throws IOException, InterruptedException {
        Path log = work.resolve("node-" + node + "-" + (++starts[node]) + ".log");
        List<String> command = ChildServers.serveCommand(ports[node], "--musubi.blob.directory=" + TestDirs.arg("it-blobs"),
                "--musubi.ingest.upload-directory=" + Files.createDirectories(work.resolve("node-" + node + "-uploads")),
                "--musubi.ingest.upload-max-size=2MB", "--musubi.security.ip-max-failures=40",
                "--musubi.policy.matrix.MUNICIPAL_STAFF=NONE", "--musubi.fhir.validation=rules",
                // nginx on the same machine is the proxy whose forwarded headers the nodes trust
                "--musubi.web.trusted-proxies=127.0.0.1");
        List<String> all = new ArrayList<>(command);
        all.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(all);
        EmbeddedClusters.shareWith(builder, dataSource);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        processes[node] = ChildServers.start(builder, ports[node], log, Duration.ofMinutes(3));
    }

    private void startUnchecked(int node) {
        try {
            start(node);
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /**
     * Stops node {@code node} as {@code systemctl stop} does (SIGTERM: it stops taking connections, finishes the
     * requests in progress, within Musubi's 20 s of graceful shutdown) and waits until it has ended.
     */
    public void stop(int node) throws InterruptedException {
        Process process = processes[node];
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** SIGKILL: node {@code node} ends at once, whatever it was doing. */
    public void kill(int node) throws InterruptedException {
        Process process = processes[node];
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Stops node {@code node} and starts it again. */
    public void restart(int node) throws IOException, InterruptedException {
        stop(node);
        start(node);
    }

    @Override
    public void close() throws InterruptedException {
        if (proxy != null) {
            proxy.close();
        }
        for (int node = 0; node < ports.length; node++) {
            stop(node);
        }
    }
}
