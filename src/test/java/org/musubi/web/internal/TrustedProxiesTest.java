package org.musubi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Whose {@code X-Forwarded-For} Musubi believes (issue 66), on a real embedded Tomcat with Tomcat's own RemoteIpValve
 * as Spring Boot adds it ({@code server.forward-headers-strategy=native}): by default nobody's — not even a peer on a
 * private or loopback address, which Tomcat's own default would believe —, and a named proxy's only; an operator's
 * {@code server.tomcat.remoteip.internal-proxies} is left as it is; a wrong entry stops the start naming the setting.
 * A servlet answers the client address the request ends up with.
 */
class TrustedProxiesTest {

    @Test
    void byDefaultNobodysForwardedForIsBelieved() throws Exception {
        assertThat(clientAddress(List.of(), Map.of(), "127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
        assertThat(clientAddress(List.of(), Map.of(), "127.0.0.2", "127.0.0.1"))
                .as("a loopback peer cannot pass itself off as another address").isEqualTo("127.0.0.2");
    }

    @Test
    void aNamedProxysForwardedForIsTheClientAndOnlyItsOwn() throws Exception {
        List<String> proxy = new WebProperties(0, Duration.ofSeconds(30), List.of("127.0.0.1", "10.0.1.0/28")).trustedProxies();
        assertThat(proxy).containsExactly("127.0.0.1/32", "10.0.1.0/28");

        assertThat(clientAddress(proxy, Map.of(), "127.0.0.1", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(clientAddress(proxy, Map.of(), "127.0.0.2", "203.0.113.9")).as("127.0.0.2 is no named proxy")
                .isEqualTo("127.0.0.2");
    }

    @Test
    void anOperatorsOwnTomcatSettingIsLeftAsItIs() throws Exception {
        assertThat(clientAddress(List.of(), Map.of("server.tomcat.remoteip.internal-proxies", "127.0.0.0/8"), "127.0.0.2",
                "203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void aWrongEntryStopsTheStartNamingTheSettingAndTheEntry() {
        for (String wrong : List.of("proxy.example.jp", "10.0.1.0/33", "10.0.1", "300.0.0.1", "10.0.0.0/8,10.1.0.0/16")) {
            assertThatThrownBy(() -> new WebProperties(0, Duration.ofSeconds(30), List.of(wrong))).as(wrong)
                    .hasMessageContaining("musubi.web.trusted-proxies").hasMessageEndingWith(": " + wrong);
        }
        assertThat(new WebProperties(0, Duration.ofSeconds(30), List.of(" ::1 ", "fd00::/8")).trustedProxies())
                .containsExactly("::1/128", "fd00::/8");
    }

    /**
     * The address a request from {@code from} with {@code X-Forwarded-For: forwarded} is served as, by a Tomcat with
     * Tomcat's default RemoteIpValve customized as Musubi customizes it.
     */
    private static String clientAddress(List<String> proxies, Map<String, Object> environment, String from,
                                        String forwarded) throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.setAddress(InetAddress.getByName("127.0.0.1"));
        RemoteIpValve valve = new RemoteIpValve(); // Tomcat's defaults, as Spring Boot's customizer starts from
        if (environment.containsKey("server.tomcat.remoteip.internal-proxies")) {
            valve.setInternalProxies((String) environment.get("server.tomcat.remoteip.internal-proxies")); // as Boot does
        }
        factory.addEngineValves(valve);
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("operator", environment));
        new TrustedProxies(new WebProperties(0, Duration.ofSeconds(30), proxies), env).customize(factory);
        WebServer server = factory.getWebServer(context -> new ServletRegistrationBean<>(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write(request.getRemoteAddr());
            }
        }, "/").onStartup(context));
        server.start();
        try (HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from)).build()) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/"))
                    .header("X-Forwarded-For", forwarded).GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.body();
        } finally {
            server.stop();
        }
    }
}
