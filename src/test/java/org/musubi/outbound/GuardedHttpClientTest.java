package org.musubi.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections to a configured address (issue 66), against a real HTTP server on 127.0.0.1: refused before anything is
 * sent when the address is internal and not allowed — written as an IP address, or a name that resolves to it, also
 * when the name resolved to a public address when it was saved (DNS rebinding) or resolves to both; made to exactly the
 * address the checked lookup gave when it is allowed (the names here exist in no DNS: a stand-in resolver answers
 * them); a redirect is handed back, never followed. The save check refuses what it can tell already and lets a name
 * that does not resolve now be saved.
 */
class GuardedHttpClientTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private int port;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " Host="
                        + exchange.getRequestHeaders().getFirst("Host") + " Authorization="
                        + exchange.getRequestHeaders().getFirst("Authorization") + " Content-Type="
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + new String(body, StandardCharsets.UTF_8));
                if (exchange.getRequestURI().getPath().equals("/moved")) {
                    exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/elsewhere");
                    exchange.sendResponseHeaders(302, -1);
                    return;
                }
                byte[] answer = "<xmlio2>答え</xmlio2>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=UTF-8");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void anInternalAddressNotAllowedIsRefusedBeforeAnythingIsSent() {
        Outbound outbound = new Outbound(OutboundRules.of(List.of()), names(Map.of("orca.example.jp", "127.0.0.1")));
        try (HttpClient http = outbound.httpClient(Duration.ofSeconds(5))) {
            for (String url : List.of("http://127.0.0.1:" + port + "/api", "http://orca.example.jp:" + port + "/api",
                    "http://[::ffff:127.0.0.1]:" + port + "/api")) {
                assertThatThrownBy(() -> http.send(get(url), HttpResponse.BodyHandlers.ofString())).as(url)
                        .isInstanceOf(OutboundRefused.class);
            }
        }
        assertThat(received).as("nothing reached the server").isEmpty();
    }

    @Test
    void anAllowedAddressIsReachedExactlyAsTheCheckedLookupGaveIt() throws Exception {
        Outbound outbound = new Outbound(OutboundRules.of(List.of("127.0.0.1")),
                names(Map.of("orca.example.jp", "127.0.0.1")));
        try (HttpClient http = outbound.httpClient(Duration.ofSeconds(5))) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(
                            "http://orca.example.jp:" + port + "/api01rv2/patientlst1v2?class=01"))
                    .header("Authorization", "Basic b3JtYXN0ZXI6eA==").header("Content-Type", "application/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString("<data>要求</data>", StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("<xmlio2>答え</xmlio2>");
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/xml; charset=UTF-8");
            assertThat(received).containsExactly("POST /api01rv2/patientlst1v2?class=01 Host=orca.example.jp:" + port
                    + " Authorization=Basic b3JtYXN0ZXI6eA== Content-Type=application/xml; charset=UTF-8 <data>要求</data>");
        }
    }

    @Test
    void aNameReboundToAnInternalAddressAfterItWasSavedIsRefusedWhenTheConnectionIsMade() {
        AtomicInteger lookups = new AtomicInteger();
        Outbound outbound = new Outbound(OutboundRules.of(List.of()), host -> {
            if (!host.equals("rebind.example.jp")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? "203.0.113.10" : "127.0.0.1")};
        });
        URI url = URI.create("http://rebind.example.jp:" + port + "/api");

        assertThat(outbound.permits(url)).as("saved while it resolved to a public address").isTrue();
        try (HttpClient http = outbound.httpClient(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> http.send(get(url.toString()), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(OutboundRefused.class);
        }
        assertThat(lookups).as("looked up again at the connection").hasValueGreaterThanOrEqualTo(2);
        assertThat(received).isEmpty();
    }

    @Test
    void aNameWithOnePublicAndOneInternalAddressIsRefused() throws Exception {
        Outbound outbound = new Outbound(OutboundRules.of(List.of()), host -> new InetAddress[] {
                InetAddress.getByName("203.0.113.10"), InetAddress.getByName("127.0.0.1")});

        assertThat(outbound.permits(URI.create("https://mixed.example.jp/"))).isFalse();
        try (HttpClient http = outbound.httpClient(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> http.send(get("http://mixed.example.jp:" + port + "/"),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(OutboundRefused.class);
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aRedirectIsHandedBackNeverFollowed() throws Exception {
        Outbound outbound = new Outbound(OutboundRules.of(List.of("127.0.0.1")), names(Map.of()));
        try (HttpClient http = outbound.httpClient(Duration.ofSeconds(5))) {
            HttpResponse<String> answer = http.send(get("http://127.0.0.1:" + port + "/moved"),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/elsewhere");
        }
        assertThat(received).hasSize(1).allMatch(r -> r.startsWith("GET /moved "));
    }

    @Test
    void theSaveCheckRefusesWhatItCanTellAndLetsAnUnresolvedNameBeSaved() {
        Outbound outbound = new Outbound(OutboundRules.of(List.of()), names(Map.of("orca.example.jp", "203.0.113.10",
                "intranet.example.jp", "192.168.10.5")));

        assertThat(outbound.permits(URI.create("https://orca.example.jp:8000/"))).isTrue();
        assertThat(outbound.permits(URI.create("http://intranet.example.jp:8000/"))).isFalse();
        assertThat(outbound.permits(URI.create("http://127.0.0.1:8000/"))).isFalse();
        assertThat(outbound.permits(URI.create("http://[::1]:8000/"))).isFalse();
        assertThat(outbound.permits(URI.create("http://169.254.169.254/latest/meta-data/"))).isFalse();
        assertThat(outbound.permits(URI.create("http://nowhere.example.jp/"))).as("checked at each connection").isTrue();
        assertThat(outbound.permits(URI.create("ftp://orca.example.jp/"))).isFalse();
        assertThat(Outbound.of(new OutboundProperties(List.of())).permits(URI.create("http://localhost:8000/")))
                .as("the system's resolver: localhost is loopback").isFalse();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    /** A resolver for names that exist in no DNS. */
    private static Outbound.Resolver names(Map<String, String> answers) {
        return host -> {
            String address = answers.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        };
    }
}
