package org.musubi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;

/**
 * The client address Musubi records and counts (issue 66): the tests' operator names 127.0.0.1 (and ::1) as its
 * reverse proxy ({@code musubi.web.trusted-proxies}). A failed login sent through it with {@code X-Forwarded-For} is
 * audited and throttled as the forwarded address; the same sent from 127.0.0.2 — a loopback address, which Tomcat's own
 * default would have believed — is audited and throttled as 127.0.0.2, the forged address nowhere.
 */
@MusubiIntegrationTest
class ForwardedForIT extends NetworkFixtures {

    @Test
    void theNamedProxysForwardedAddressIsRecordedAndCounted() {
        String client = "198.51.100.201";
        String loginId = "xff-proxy-" + UUID.randomUUID();
        WebSession viaProxy = new WebSession(port).withHeader("X-Forwarded-For", client);

        assertThat(WebSession.location(accounts.passwordStep(viaProxy, loginId, "wrong"))).isEqualTo("/login?error");

        assertThat(addressesAudited(loginId)).containsExactly(client);
        assertThat(failuresCounted(client)).isEqualTo(1);
    }

    @Test
    void aForgedForwardedForFromAPeerThatIsNoNamedProxyChangesNeitherTheAuditNorTheThrottle() throws Exception {
        String forged = "198.51.100.202";
        String loginId = "xff-forged-" + UUID.randomUUID();
        int before = failuresCounted("127.0.0.2");
        try (HttpClient fromElsewhere = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build()) {
            WebSession peer = new WebSession(port, fromElsewhere).withHeader("X-Forwarded-For", forged);

            assertThat(WebSession.location(accounts.passwordStep(peer, loginId, "wrong"))).isEqualTo("/login?error");
        }

        assertThat(addressesAudited(loginId)).containsExactly("127.0.0.2");
        assertThat(failuresCounted("127.0.0.2")).isEqualTo(before + 1);
        assertThat(failuresCounted(forged)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE client_ip = ?").param(forged).query(Long.class).single())
                .isZero();
    }

    private List<String> addressesAudited(String loginId) {
        return jdbc.sql("SELECT client_ip FROM audit_event WHERE action = 'LOGIN_PASSWORD' AND outcome = 'DENY' AND login_id = ?")
                .param(loginId).query(String.class).list();
    }

    private int failuresCounted(String address) {
        return jdbc.sql("SELECT coalesce(sum(failures), 0) FROM login_throttle WHERE address = ? AND window_end > now()")
                .param(address).query(Integer.class).single();
    }
}
