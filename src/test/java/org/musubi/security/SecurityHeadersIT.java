package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MusubiIntegrationTest
class SecurityHeadersIT {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSiteStrict() {
        WebSession web = new WebSession(port);

        HttpResponse<String> response = web.get("/login");

        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("MUSUBI_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Strict");
    }

    @Test
    void pagesCarryTheSecurityHeadersAndAreNotCached() {
        WebSession web = accounts.signedIn(port, accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR));

        HttpResponse<String> home = web.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(home.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        assertThat(home.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void errorsRevealNoStackTraces() {
        WebSession web = accounts.signedIn(port, accounts.networkAdmin());

        HttpResponse<String> missing = web.get("/admin/facilities/999999999");
        HttpResponse<String> garbage = web.get("/admin/facilities/not-a-number");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).doesNotContain("Exception").doesNotContain("NumberFormat");
    }

    @Test
    void healthIsOpenAndMetricsAreServedToLoopbackOnly() {
        WebSession web = new WebSession(port);

        assertThat(web.send(plain(web, "/actuator/health")).body()).contains("\"status\":\"UP\"");
        HttpResponse<String> metrics = web.send(plain(web, "/actuator/prometheus"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    private static HttpRequest.Builder plain(WebSession web, String path) {
        return HttpRequest.newBuilder(URI.create(web.base() + path)).header("Accept", "*/*");
    }
}
