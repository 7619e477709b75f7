package org.musubi.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code musubi serve} in a child JVM, for crash drills and the load benchmark: a free port, and waiting until it is up. */
public final class ChildServers {

    private ChildServers() {
    }

    /** A TCP port free right now on this machine. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The command of {@code musubi serve} on {@code port} in a child JVM of this one's class path, with what every child
     * on the integration tests' database needs — their secret key file, and demo mode (a server outside it would disable
     * the demo accounts) — then {@code settings} ({@code --name=value}). Give it the database with
     * {@link EmbeddedClusters#shareWith}.
     */
    public static List<String> serveCommand(int port, String... settings) {
        List<String> command = new ArrayList<>(ChildJvms.java("-Xmx512m", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of("org.musubi.Musubi", "serve", "--server.port=" + port, "--musubi.security.secret-key-file=" + TestDirs.arg("it-secret.key"),
                "--musubi.demo.enabled=true", "--musubi.demo.import-persons=0", "--logging.structured.format.console=",
                "--spring.main.banner-mode=off", "--musubi.fhir.warm-up=false"));
        command.addAll(List.of(settings));
        return command;
    }

    /**
     * Starts {@code builder} (a command from {@link ChildJvms#java}) (its output already redirected to {@code log}) and returns the process once
     * {@code /actuator/health} on {@code port} answers 200; stops it and throws when it ends or is not up in time.
     */
    public static Process start(ProcessBuilder builder, int port, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Process server = ChildJvms.start(builder);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server ended: " + tail(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return server;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        server.destroyForcibly();
        throw new IllegalStateException("the server did not start within " + timeout.toSeconds() + " s: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.length() <= 4_000 ? text : "…" + text.substring(text.length() - 4_000);
    }
}
