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
     * Starts {@code builder} (its output already redirected to {@code log}) and returns the process once
     * {@code /actuator/health} on {@code port} answers 200; stops it and throws when it ends or is not up in time.
     */
    public static Process start(ProcessBuilder builder, int port, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Process server = builder.start();
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
