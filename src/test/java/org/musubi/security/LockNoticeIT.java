package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;

/**
 * The login page says that a login id is locked and until when (Japan time), to the client whose own failures in a
 * row reached the limit, whether or not the login id exists: an attacker learns nothing from it (no existence
 * oracle), and while locked the password is not checked (no password oracle). Every attempt is audited once.
 */
@MusubiIntegrationTest
class LockNoticeIT extends NetworkFixtures {

    private static final AtomicInteger CLIENTS = new AtomicInteger(100);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Test
    void anAccountAndALoginIdThatDoesNotExistAreToldAlikeThatTheyAreLockedAndUntilWhen() {
        User real = accounts.staff(FacilityKind.CLINIC, Profession.NURSE);
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        WebSession attacker = client();
        long before = audit.max();

        List<String> realAnswers = fiveWrongPasswordsThenTheRightOne(attacker, real.loginId());
        List<String> nobodyAnswers = fiveWrongPasswordsThenTheRightOne(attacker, nobody);

        assertThat(realAnswers).isEqualTo(nobodyAnswers).containsExactly("/login?error", "/login?error", "/login?error",
                "/login?error", "/login?locked", "/login?locked");
        assertThat(audit.since(before, real.loginId())).hasSize(7)
                .containsSubsequence("LOGIN_PASSWORD DENY bad credentials", "LOGIN_PASSWORD DENY locked")
                .anyMatch(row -> row.startsWith("ACCOUNT_LOCKED DENY 5 failures, locked until"));
        assertThat(audit.since(before, nobody)).containsExactly("LOGIN_PASSWORD DENY bad credentials",
                "LOGIN_PASSWORD DENY bad credentials", "LOGIN_PASSWORD DENY bad credentials",
                "LOGIN_PASSWORD DENY bad credentials", "LOGIN_PASSWORD DENY bad credentials", "LOGIN_PASSWORD DENY locked");
        WebSession elsewhere = client();
        assertThat(WebSession.location(accounts.passwordStep(elsewhere, real.loginId(), TestAccounts.PASSWORD)))
                .as("another client: the account is locked, and the right password reads like a wrong one")
                .isEqualTo("/login?error");
        assertThat(elsewhere.get("/login").body()).doesNotContain("ロックされています");
    }

    @Test
    void theLoginPageSaysUntilWhenInJapanTimeInJapaneseAndEnglish() {
        User user = accounts.staff(FacilityKind.PHARMACY, Profession.PHARMACIST);
        WebSession web = client();
        for (int i = 0; i < 4; i++) {
            accounts.passwordStep(web, user.loginId(), "wrong password " + i);
        }
        web.get("/login");
        Instant earliest = Instant.now();
        HttpResponse<String> fifth = web.post("/login", "username", user.loginId(), "password", "wrong again");
        Instant latest = Instant.now();

        String japanese = web.get(WebSession.location(fifth)).body();
        String english = web.get("/login?locked&lang=en").body();

        List<String> until = List.of(shown(earliest.plus(Duration.ofMinutes(15))), shown(latest.plus(Duration.ofMinutes(15))));
        assertThat(until).anyMatch(time -> japanese.contains("このアカウントは、ログインの失敗が続いたため " + time
                + "（日本時間）までロックされています"));
        assertThat(until).anyMatch(time -> english.contains("this account is locked until " + time + " (Japan time)"));
        assertThat(web.get("/login").body()).as("only on the page the lock led to").doesNotContain("ロックされています");
    }

    private List<String> fiveWrongPasswordsThenTheRightOne(WebSession web, String loginId) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(WebSession.location(accounts.passwordStep(web, loginId, "wrong password " + i)));
        }
        answers.add(WebSession.location(accounts.passwordStep(web, loginId, TestAccounts.PASSWORD)));
        String page = web.get("/login?locked").body();
        assertThat(page).as(loginId).contains("までロックされています").contains("id=\"locked-until\"");
        return answers;
    }

    /** A client of its own (as behind the reverse proxy), so that no other test's failures count here. */
    private WebSession client() {
        return new WebSession(port).withHeader("X-Forwarded-For", "192.0.2." + CLIENTS.incrementAndGet());
    }

    /** The lock's end as the page shows it: Japan time rounded up to the minute, with the date when not today. */
    private static String shown(Instant until) {
        ZonedDateTime end = until.atZone(JAPAN);
        ZonedDateTime minute = end.truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime shown = minute.equals(end) ? minute : minute.plusMinutes(1);
        boolean today = shown.toLocalDate().equals(LocalDate.now(JAPAN));
        return DateTimeFormatter.ofPattern(today ? "HH:mm" : "yyyy-MM-dd HH:mm").format(shown);
    }
}
