package org.musubi.imaging.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Sending a work item to a stub AI service written for this test (a JDK HttpServer on loopback; the real model is
 * outside Musubi): taken, refused, and down → retried with backoff → FAILED.
 */
class AiSenderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final AiSender sender = new AiSender(Duration.ofSeconds(5));

    private static AiService service(String base) {
        return new AiService(3, "Chest AI", base, "sealed", "CXR-Net", "2.1.0", List.of("CR"), null, false, true, null);
    }

    private static AiWorkItem item(int attempts) {
        return new AiWorkItem(12, 3, "1.2.3", 5L, WorkState.QUEUED, attempts, NOW, null, false, null, null, NOW);
    }

    @Test
    void theServiceTakesTheRequestWithItsTokenAndJson() throws IOException {
        AtomicReference<String> seen = new AtomicReference<>();
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/analyses", exchange -> {
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        stub.start();
        try {
            AiSender.Step step = sender.send(service("http://127.0.0.1:" + stub.getAddress().getPort() + "/"), "secret",
                    item(0), "{\"workItemId\":12}", NOW);
            assertThat(step.state()).isEqualTo(WorkState.SENT);
            assertThat(seen.get()).isEqualTo("POST Bearer secret {\"workItemId\":12}");
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void aRefusalFailsAtOnceAndAServerErrorIsRetried() throws IOException {
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/analyses", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestHeaders().getFirst("Authorization").endsWith("bad") ? 401 : 503, -1);
            exchange.close();
        });
        stub.start();
        try {
            String base = "http://127.0.0.1:" + stub.getAddress().getPort();
            assertThat(sender.send(service(base), "bad", item(0), "{}", NOW).state()).isEqualTo(WorkState.FAILED);
            AiSender.Step retried = sender.send(service(base), "ok", item(0), "{}", NOW);
            assertThat(retried.state()).isEqualTo(WorkState.QUEUED);
            assertThat(retried.retryAt()).isEqualTo(NOW.plusSeconds(30));
            assertThat(retried.error()).contains("503");
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void aServiceDownIsRetriedWithBackoffThenFails() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        AiService down = service("http://127.0.0.1:" + port);
        AiSender.Step first = sender.send(down, "t", item(0), "{}", NOW);
        assertThat(first.state()).isEqualTo(WorkState.QUEUED);
        assertThat(first.error()).contains("cannot be reached");
        assertThat(sender.send(down, "t", item(2), "{}", NOW).retryAt()).isEqualTo(NOW.plusSeconds(120));
        AiSender.Step last = sender.send(down, "t", item(AiWorkItem.MAX_ATTEMPTS - 1), "{}", NOW);
        assertThat(last.state()).isEqualTo(WorkState.FAILED);
        assertThat(last.retryAt()).isNull();
    }

    @Test
    void plainHttpToAnotherHostIsNeverSent() {
        assertThat(sender.send(service("http://ai.example.jp"), "t", item(0), "{}", NOW).state())
                .isEqualTo(WorkState.FAILED);
    }
}
