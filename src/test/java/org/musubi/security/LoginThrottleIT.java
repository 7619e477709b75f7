package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;

/** One address guessing across many accounts is stopped, even though no single account locks. */
@MusubiIntegrationTest
class LoginThrottleIT extends NetworkFixtures {

    private static final String GUESSER = "203.0.113.9";
    private static final int LIMIT = 40;

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
