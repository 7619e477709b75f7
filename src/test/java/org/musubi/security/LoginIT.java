package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

@MusubiIntegrationTest
class LoginIT extends NetworkFixtures {

    @Autowired
    Facilities facilities;

    @Test
    void passwordAloneGivesNoSession() {
        User user = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);
        WebSession web = new WebSession(port);
        long before = audit.max();

        HttpResponse<String> afterPassword = accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);

        assertThat(afterPassword.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(afterPassword)).isEqualTo("/login/second-factor");
        HttpResponse<String> home = web.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(home)).isEqualTo("/login/second-factor");
        assertThat(web.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(web.get("/account/password").statusCode()).isEqualTo(302);
        assertThat(audit.since(before, user.loginId()))
                .containsExactly("LOGIN_PASSWORD PERMIT", "ACCESS_DENIED DENY not permitted");
    }

    @Test
    void passwordAndTotpCodeOpenASessionUnderANewSessionId() {
        User user = accounts.staff(FacilityKind.HOSPITAL, Profession.NURSE);
        WebSession web = new WebSession(port);
        long before = audit.max();
        accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);
        String partialSession = web.cookie("MUSUBI_SESSION");
        web.get("/login/second-factor");

        HttpResponse<String> afterCode = web.post("/login/second-factor", "code", accounts.nextCode(user.id()));

        assertThat(WebSession.location(afterCode)).isEqualTo("/");
        assertThat(web.cookie("MUSUBI_SESSION")).isNotEqualTo(partialSession);
        HttpResponse<String> home = web.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("試験 太郎");
        // The home page lists the facility's linked patients, an audited read of its own: one row per
        // patient shown (other tests link patients to this facility), or one row when none is shown.
        List<String> rows = audit.since(before, user.loginId());
        assertThat(rows).startsWith("LOGIN_PASSWORD PERMIT", "LOGIN_SECOND_FACTOR PERMIT").hasSizeGreaterThan(2);
        assertThat(rows.subList(2, rows.size())).allMatch("PATIENT_LIST PERMIT policy.permit.linkedPatientList"::equals);
    }

    @Test
    void locksTheAccountAfterFiveWrongPasswords() {
        User user = accounts.staff(FacilityKind.PHARMACY, Profession.PHARMACIST);
        WebSession web = new WebSession(port);
        long before = audit.max();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = accounts.passwordStep(web, user.loginId(), "wrong password " + i);
            assertThat(WebSession.location(wrong)).isEqualTo(i < 4 ? "/login?error" : "/login?locked");
        }

        HttpResponse<String> right = accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);

        assertThat(WebSession.location(right)).as("the client that reached the limit is told, unasked")
                .isEqualTo("/login?locked");
        assertThat(web.get("/login?locked").body()).contains("までロックされています");
        // not signed in: a staff page sends to the login; / is the public site every visitor sees
        assertThat(WebSession.location(web.get("/portal/facilities"))).isEqualTo("/login");
        assertThat(web.get("/").body()).contains("id=\"nav-public-login\"").doesNotContain("id=\"patient-list\"");
        assertThat(audit.since(before, user.loginId())).hasSize(7)
                .containsSubsequence("LOGIN_PASSWORD DENY bad credentials", "LOGIN_PASSWORD DENY locked")
                .anyMatch(row -> row.startsWith("ACCOUNT_LOCKED DENY 5 failures, locked until"));
    }

    @Test
    void wrongCodesCountTowardsTheLockToo() {
        User user = accounts.staff(FacilityKind.CLINIC, Profession.NURSE);
        WebSession web = new WebSession(port);
        accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);
        web.get("/login/second-factor");
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = web.post("/login/second-factor", "code", "000000");
        }

        assertThat(WebSession.location(last)).isEqualTo("/login?locked");
        String until = jdbc.sql("SELECT to_char(date_trunc('minute', locked_until AT TIME ZONE 'Asia/Tokyo' + interval '1 minute' - interval '1 microsecond'), 'HH24:MI') "
                + "FROM credential WHERE user_id = ?").param(user.id()).query(String.class).single();
        assertThat(web.get("/login?locked").body()).as("the password was proved: the account's own lock")
                .contains(until + "（日本時間）までロックされています");
        assertThat(web.get("/login/second-factor").statusCode()).as("the password-only session ended").isEqualTo(302);
        HttpResponse<String> again = accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);
        assertThat(WebSession.location(again)).isEqualTo("/login?locked");
    }

    @Test
    void aCodeIsNeverAcceptedTwice() {
        User user = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);
        String code = accounts.nextCode(user.id());
        WebSession first = new WebSession(port);
        accounts.passwordStep(first, user.loginId(), TestAccounts.PASSWORD);
        first.get("/login/second-factor");
        assertThat(WebSession.location(first.post("/login/second-factor", "code", code))).isEqualTo("/");

        WebSession second = new WebSession(port);
        accounts.passwordStep(second, user.loginId(), TestAccounts.PASSWORD);
        second.get("/login/second-factor");
        HttpResponse<String> replay = second.post("/login/second-factor", "code", code);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(second.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void refusesAPostWithoutCsrfToken() {
        User user = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);
        WebSession web = new WebSession(port);
        web.get("/login");

        HttpResponse<String> login = web.postRaw("/login",
                Map.of("username", user.loginId(), "password", TestAccounts.PASSWORD));

        assertThat(login.statusCode()).isEqualTo(403);
        WebSession signedIn = accounts.signedIn(port, user);
        HttpResponse<String> logout = signedIn.postRaw("/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(signedIn.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSessionAndIsAudited() {
        User user = accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, user);
        web.get("/");
        long before = audit.max();

        HttpResponse<String> logout = web.post("/logout");

        assertThat(WebSession.location(logout)).isEqualTo("/login?logout");
        // signed out: a staff page sends to the login again; / is the public site every visitor sees
        assertThat(WebSession.location(web.get("/portal/facilities"))).isEqualTo("/login");
        assertThat(web.get("/").body()).contains("id=\"nav-public-login\"").doesNotContain("id=\"patient-list\"");
        assertThat(audit.since(before, user.loginId())).containsExactly("LOGOUT PERMIT");
    }

    @Test
    void aRecoveryCodeReplacesTheAuthenticatorOnce() {
        User user = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);
        String recoveryCode = accounts.recoveryCodeFor(user);
        WebSession web = new WebSession(port);
        accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);
        web.get("/login/second-factor");

        assertThat(WebSession.location(web.post("/login/second-factor", "recoveryCode", recoveryCode))).isEqualTo("/");

        WebSession again = new WebSession(port);
        accounts.passwordStep(again, user.loginId(), TestAccounts.PASSWORD);
        again.get("/login/second-factor");
        assertThat(again.post("/login/second-factor", "recoveryCode", recoveryCode).statusCode()).isEqualTo(200);
    }

    @Test
    void disabledUsersCannotLogIn() {
        User user = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);
        accounts.disable(user);
        WebSession web = new WebSession(port);
        long before = audit.max();

        HttpResponse<String> response = accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);

        assertThat(WebSession.location(response)).isEqualTo("/login?error");
        assertThat(audit.since(before, user.loginId())).containsExactly("LOGIN_PASSWORD DENY disabled");
    }

    @Test
    void authenticatorSecretsAreEncryptedAtRest() {
        User user = accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR);

        String stored = jdbc.sql("SELECT totp_secret FROM credential WHERE user_id = ?").param(user.id())
                .query(String.class).single();

        assertThat(stored).startsWith("v1:").doesNotContain(DemoAccounts.DEMO_TOTP_SECRET);
        WebSession web = new WebSession(port);
        assertThat(WebSession.location(accounts.logIn(web, user))).isEqualTo("/");
    }

    @Test
    void usersOfASuspendedFacilityCannotLogIn() {
        Facility clinic = facilities.insert(new FacilityDraft("休止中クリニック",
                "キュウシチュウクリニック", FacilityKind.CLINIC,
                MedicalInstitutionCode.of(34, 1, 880000 + (int) (System.nanoTime() % 10000)).value(),
                34, null, null, false, true, FacilityStatus.SUSPENDED));
        User user = accounts.memberOf(clinic, Profession.DOCTOR);
        WebSession web = new WebSession(port);

        HttpResponse<String> response = accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);

        assertThat(WebSession.location(response)).isEqualTo("/login?error");
        assertThat(audit.since(0, user.loginId())).containsExactly("LOGIN_PASSWORD DENY disabled");
    }

    @Test
    void unknownLoginIdsAreRefusedAndAudited() {
        WebSession web = new WebSession(port);
        long before = audit.max();

        HttpResponse<String> response = accounts.passwordStep(web, "nobody-here", "whatever123");

        assertThat(WebSession.location(response)).isEqualTo("/login?error");
        assertThat(audit.since(before, "nobody-here")).containsExactly("LOGIN_PASSWORD DENY bad credentials");
    }
}
