package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One address guessing across many accounts is stopped, even though no single account locks. */
@MusubiIntegrationTest
class LoginThrottleIT {

    private static final String GUESSER = "203.0.113.9";
    private static final int LIMIT = 40;

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesAnAddressWithTooManyFailuresAcrossAccountsWith429() {
        WebSession guesser = new WebSession(port).withHeader("X-Forwarded-For", GUESSER);
        for (int i = 0; i < LIMIT; i++) {
            HttpResponse<String> wrong = accounts.passwordStep(guesser, "guess-target-" + i, "password" + i);
            assertThat(WebSession.location(wrong)).isEqualTo("/login?error");
        }
        User real = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);

        HttpResponse<String> refused = accounts.passwordStep(guesser, real.loginId(), TestAccounts.PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Too many failed logins");
        WebSession elsewhere = new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.20");
        assertThat(WebSession.location(accounts.passwordStep(elsewhere, real.loginId(), TestAccounts.PASSWORD)))
                .isEqualTo("/login/second-factor");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'LOGIN_THROTTLED' AND client_ip = ?")
                .param(GUESSER).query(Long.class).single()).isEqualTo(1);
    }
}
