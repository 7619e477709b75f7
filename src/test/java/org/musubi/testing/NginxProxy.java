package org.musubi.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx in front of Musubi nodes on loopback, configured by the repository's own site file
 * ({@code deploy/nginx/musubi.conf}, the one docs/scaling.md shows) with only its ports, addresses and certificate
 * paths replaced: the nodes' two {@code server} lines, the two {@code listen} lines and the certificate of a test
 * authority that {@link #client()} trusts. Everything else — locations, timeouts, forwarded headers, retries, the
 * passive health check — is the file's. Tests call {@link #assumeInstalled()} first: without nginx they are skipped
 * with a message saying how to install it.
 */
public final class NginxProxy implements AutoCloseable {

    /**
     * The site file operators copy to {@code /etc/nginx/sites-available/musubi}; {@code -Dmusubi.nginx.site=<file>}
     * runs the tests with another one (to measure a setting), which must name the same examples.
     */
    public static final Path SITE = Path.of(System.getProperty("musubi.nginx.site", "deploy/nginx/musubi.conf"));
    private static final Path BINARY = Path.of("/usr/sbin/nginx");
    /** The example nodes' addresses in the site file, replaced by the test's nodes in this order. */
    private static final List<String> EXAMPLE_NODES = List.of("10.0.1.11:8080", "10.0.1.12:8080");

    private final Path work;
    private final List<Integer> nodes;
    private final int httpPort;
    private final int httpsPort;
    private final TestCertificates.Issued authority;
    private final Process process;

    private NginxProxy(Path work, List<Integer> nodes, int httpPort, int httpsPort, TestCertificates.Issued authority,
                       Process process) {
        this.work = work;
        this.nodes = nodes;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.authority = authority;
        this.process = process;
    }

    /** Whether Debian's nginx is installed here. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Skips the calling test, with the reason, when nginx is not installed. */
    public static void assumeInstalled() {
        assumeTrue(installed(), "nginx not installed (Debian: apt-get install nginx; .ci/run installs it): the tests of "
                + "deploy/nginx/musubi.conf in front of two nodes are skipped");
    }

    /** Starts nginx with the site file in front of the nodes listening on {@code nodePorts} (two) of 127.0.0.1. */
    public static NginxProxy start(Path work, int... nodePorts) throws IOException, InterruptedException {
        assumeInstalled();
        if (nodePorts.length != EXAMPLE_NODES.size()) {
            throw new IllegalArgumentException("the site file names " + EXAMPLE_NODES.size() + " nodes");
        }
        Path dir = Files.createDirectories(work.resolve("nginx"));
        TestCertificates.Issued authority = TestCertificates.authority("Musubi nginx test CA");
        TestCertificates.Issued server = TestCertificates.server(authority);
        Path certificate = Files.writeString(dir.resolve("server.pem"), server.pem() + authority.pem(), StandardCharsets.US_ASCII);
        Path key = Files.writeString(dir.resolve("server.key"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(server.keys().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
        int httpPort = ChildServers.freePort();
        int httpsPort = ChildServers.freePort();
        List<Integer> nodes = new ArrayList<>();
        String site = Files.readString(SITE);
        for (int i = 0; i < nodePorts.length; i++) {
            site = replaceOnce(site, "server " + EXAMPLE_NODES.get(i) + " ", "server 127.0.0.1:" + nodePorts[i] + " ");
            nodes.add(nodePorts[i]);
        }
        site = replaceOnce(site, "listen 80;", "listen 127.0.0.1:" + httpPort + ";");
        site = replaceOnce(site, "listen 443 ssl http2;", "listen 127.0.0.1:" + httpsPort + " ssl http2;");
        site = replaceOnce(site, "/etc/ssl/certs/musubi.example.jp.fullchain.pem", certificate.toString());
        site = replaceOnce(site, "/etc/ssl/private/musubi.example.jp.key", key.toString());
        Files.writeString(dir.resolve("musubi.conf"), site);
        Files.writeString(dir.resolve("nginx.conf"), main(dir));
        Process process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        NginxProxy proxy = new NginxProxy(dir, List.copyOf(nodes), httpPort, httpsPort, authority, process);
        proxy.awaitListening();
        return proxy;
    }

    /**
     * Debian's {@code /etc/nginx/nginx.conf} reduced to what a test needs: in the foreground, its files under the
     * test's directory, an access log naming the node that served each request, and the site file included in
     * {@code http}, as Debian includes {@code sites-enabled/*}.
     */
    private static String main(Path dir) {
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                events {
                    worker_connections 512;
                }
                http {
                    include /etc/nginx/mime.types;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    log_format nodes '$request_method $uri $status $upstream_addr $upstream_status';
                    access_log %1$s/access.log nodes;
                    include %1$s/musubi.conf;
                }
                """.formatted(dir);
    }

    private static String replaceOnce(String text, String example, String replacement) {
        int at = text.indexOf(example);
        if (at < 0 || text.indexOf(example, at + 1) >= 0) {
            throw new IllegalStateException(SITE + " must name \"" + example + "\" exactly once (the test replaces it)");
        }
        return text.replace(example, replacement);
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx ended: " + Files.readString(work.resolve("nginx.out"))
                        + Files.readString(work.resolve("error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", httpsPort), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + httpsPort + " within 20 s");
    }

    /** The public address: {@code https://localhost:<port>}. */
    public String base() {
        return "https://localhost:" + httpsPort;
    }

    /** The plain-HTTP port of the site file's {@code listen 80} server (which redirects to https). */
    public int httpPort() {
        return httpPort;
    }

    /** The nodes' ports, in the order of the upstream's {@code server} lines. */
    public List<Integer> nodes() {
        return nodes;
    }

    /** A client that trusts this proxy's certificate and never follows redirects. */
    public HttpClient client() {
        return builder().build();
    }

    /**
     * The same from another loopback address ({@code 127.0.0.2}, say): nginx sees it as the client's address and
     * forwards it, so a test can tell the client from the proxy ({@code 127.0.0.1}) in what the nodes record.
     */
    public HttpClient client(InetAddress from) {
        return builder().localAddress(from).build();
    }

    private HttpClient.Builder builder() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
                .sslContext(TestCertificates.clientContext(null, authority.certificate()));
    }

    /** The access log so far, a line a request: method, path, status, the node(s) tried and their statuses. */
    public List<String> accessLog() throws IOException {
        Path log = work.resolve("access.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** nginx's error log so far (where it says which node it left out, and why). */
    public String errorLog() throws IOException {
        Path log = work.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
