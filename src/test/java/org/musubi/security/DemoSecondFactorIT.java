package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;

/**
 * Demo mode's second-factor page shows the demo account's code. Logging in again within one 30-second step used to
 * show the code just used, which the server refuses (no replay), until five tries locked the account. It now shows
 * the next code the server will accept and, when that is a later step's code, from when (Japan time).
 */
@MusubiIntegrationTest
class DemoSecondFactorIT extends NetworkFixtures {

    private static final Pattern CODE = Pattern.compile("data-code=\"(\\d{6})\"");
    private static final Pattern VALID_FROM = Pattern.compile("data-valid-from=\"([^\"]+)\"");

    @Test
    void logsInThreeTimesWithinOneStepWithTheCodeThePageShowsWaitingOnlyAsLongAsThePageSays() {
        User demo = accounts.demoStaff(FacilityKind.CLINIC, Profession.DOCTOR);
        startOfAFreshStep();
        long before = audit.max();

        for (int login = 1; login <= 3; login++) {
            WebSession web = new WebSession(port);
            accounts.passwordStep(web, demo.loginId(), TestAccounts.PASSWORD);
            HttpResponse<String> page = web.get("/login/second-factor");
            String code = group(CODE, page.body());
            Instant validFrom = Instant.parse(group(VALID_FROM, page.body()));
            if (login < 3) {
                assertThat(page.body()).as("login " + login + ": valid now").doesNotContain("id=\"demo-code-wait\"");
            } else {
                String jst = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo")).format(validFrom);
                assertThat(page.body()).as("the third code in one step is the step after next's")
                        .contains("id=\"demo-code-wait\"").contains(jst + "（日本時間）から有効です");
                assertThat(validFrom).isAfter(Instant.now());
                sleep(Duration.between(Instant.now(), validFrom).plusMillis(200));
            }

            HttpResponse<String> afterCode = web.post("/login/second-factor", "code", code);

            assertThat(WebSession.location(afterCode)).as("login " + login).isEqualTo("/");
        }
        assertThat(audit.since(before, demo.loginId())).containsExactly(
                "LOGIN_PASSWORD PERMIT", "LOGIN_SECOND_FACTOR PERMIT", "LOGIN_PASSWORD PERMIT",
                "LOGIN_SECOND_FACTOR PERMIT", "LOGIN_PASSWORD PERMIT", "LOGIN_SECOND_FACTOR PERMIT");
    }

    @Test
    void anAccountThatIsNotADemoAccountNeverSeesACode() {
        User user = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);
        WebSession web = new WebSession(port);
        accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);

        HttpResponse<String> page = web.get("/login/second-factor");

        assertThat(page.body()).contains("id=\"code-form\"").doesNotContain("demo-code").doesNotContain("data-code");
    }

    /** Waits, when less than 15 seconds of the current step are left, so that three logins fit into one step. */
    private static void startOfAFreshStep() {
        long secondsIntoStep = Instant.now().getEpochSecond() % Totp.STEP_SECONDS;
        if (secondsIntoStep > Totp.STEP_SECONDS - 15) {
            sleep(Duration.ofSeconds(Totp.STEP_SECONDS - secondsIntoStep).plusMillis(100));
        }
    }

    private static String group(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
