package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.phr.Residents;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.MockOpenIdProvider;
import org.musubi.testing.MockOpenIdProvider.Twist;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.OidcBrowser;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * My Number card login against a test OpenID provider ({@link MockOpenIdProvider}, a mock of the デジタル認証アプリ,
 * which is outside): a resident signed in with both factors links the card's subject (password again, round trip),
 * then the card alone logs them in to a full notebook session; unlinked, it no longer does. A provider configured for
 * the step after the password is offered there and only there. The operator sees and removes a person's link; a
 * re-registration with a new code, once confirmed, removes it too. Every step is audited.
 */
@MusubiIntegrationTest
class MyNumberLoginIT extends NetworkFixtures {

    @Autowired
    Residents residents;
    @Autowired
    MockOpenIdProvider provider;

    @Test
    void aResidentLinksTheCardLogsInWithItAloneAndUnlinksIt() {
        Residents.Resident resident = resident();
        String loginId = resident.account().loginId();
        String subject = subject();
        long before = audit.max();

        WebSession own = residents.logIn(port, resident);
        assertThat(own.get("/phr").body()).contains("id=\"menu-mynumber\"");
        assertThat(link(own, "mynumber", subject).headers().firstValue("Location").orElseThrow()).endsWith("/phr/mynumber?linked");
        assertThat(own.get("/phr/mynumber").body()).contains("oidc-remove").doesNotContain(subject);
        assertThat(jdbc.sql("SELECT subject FROM oidc_link WHERE user_id = ? AND provider = 'mynumber'")
                .param(resident.account().id()).query(String.class).single()).isEqualTo(subject);

        WebSession phone = new WebSession(port);
        assertThat(phone.get("/phr/login").body()).contains("id=\"oidc-login-mynumber\"").contains("マイナンバーカードでログイン")
                .as("a provider for the step after the password is no login button").doesNotContain("oidc-login-second");
        HttpResponse<String> back = logInWithCard(phone, subject, Twist.NONE);
        assertThat(WebSession.location(back)).isEqualTo("/phr");
        assertThat(phone.get("/phr").body()).contains("id=\"phr-home\"");
        assertThat(phone.get("/portal/patients").statusCode()).as("a resident's session, no staff page").isEqualTo(403);
        assertThat(jdbc.sql("SELECT last_used_at IS NOT NULL FROM oidc_link WHERE user_id = ?")
                .param(resident.account().id()).query(Boolean.class).single()).isTrue();

        phone.get("/phr/mynumber");
        long link = jdbc.sql("SELECT id FROM oidc_link WHERE user_id = ?").param(resident.account().id())
                .query(Long.class).single();
        // issue 67: one click asks first (the card named, what follows) and removes nothing; another's link is not asked
        HttpResponse<String> asked = phone.post("/phr/mynumber/" + link + "/remove");
        assertThat(WebSession.location(asked)).isEqualTo("/phr/mynumber?confirm=" + link);
        assertThat(phone.get(WebSession.location(asked)).body())
                .contains("<details class=\"confirm\" id=\"oidc-remove-" + link + "\" open=\"open\">")
                .contains("<p class=\"confirm-question\" id=\"oidc-remove-" + link + "-question\">マイナンバーカードの連携を解除します。"
                        + "解除すると、このカードでは健康手帳にログインできなくなります。使うには、もう一度連携します。</p>");
        assertThat(WebSession.location(residents.logIn(port, resident()).post("/phr/mynumber/" + link + "/remove")))
                .isEqualTo("/phr/mynumber");
        assertThat(jdbc.sql("SELECT count(*) FROM oidc_link WHERE user_id = ?").param(resident.account().id())
                .query(Long.class).single()).as("not yet").isEqualTo(1);
        assertThat(WebSession.location(phone.post("/phr/mynumber/" + link + "/remove", "confirmed", "yes")))
                .isEqualTo("/phr/mynumber?unlinked");
        HttpResponse<String> refused = logInWithCard(new WebSession(port), subject, Twist.NONE);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("data-key=\"oidc.unlinked\"").contains("/phr/register");

        assertThat(audit.since(before, loginId)).filteredOn(row -> row.contains("OIDC") || row.startsWith("LOGIN_OIDC"))
                .satisfiesExactly(
                        row -> assertThat(row).startsWith("OIDC_LINK PERMIT provider mynumber, subject ")
                                .endsWith(": linked by the resident"),
                        row -> assertThat(row).startsWith("LOGIN_OIDC PERMIT provider mynumber, subject "),
                        row -> assertThat(row).isEqualTo("OIDC_UNLINK PERMIT provider mynumber: removed by the resident"));
        assertThat(audit.since(before, "oidc:mynumber")).singleElement().asString()
                .startsWith("LOGIN_OIDC DENY provider mynumber: subject not linked to any account, subject ");
        assertThat(String.join("\n", audit.since(before, loginId))).doesNotContain(subject);
    }

    @Test
    void aTokenSignedEs256IsAcceptedToo() {
        Residents.Resident resident = resident();
        String subject = subject();
        link(residents.logIn(port, resident), "mynumber", subject);

        assertThat(WebSession.location(logInWithCard(new WebSession(port), subject, Twist.SIGNED_ES256))).isEqualTo("/phr");
    }

    @Test
    void aProviderForTheStepAfterThePasswordIsOfferedThereAndCompletesTheLogin() {
        Residents.Resident resident = resident();
        String subject = subject();
        link(residents.logIn(port, resident), "second", subject);

        WebSession anonymous = new WebSession(port);
        anonymous.get("/phr/login");
        assertThat(anonymous.get("/phr/login/mynumber?provider=second").statusCode())
                .as("not a login by itself").isEqualTo(404);

        WebSession web = new WebSession(port);
        web.get("/phr/login");
        web.post("/login", "username", resident.account().loginId(), "password", Residents.PASSWORD, "from", "phr");
        assertThat(web.get("/login/second-factor").body()).contains("id=\"oidc-step-second\"").contains("テスト認証で確認")
                .doesNotContain("oidc-step-mynumber");
        String address = OidcBrowser.toProvider(web.get("/phr/login/mynumber?provider=second"));
        HttpResponse<String> back = OidcBrowser.comeBack(web, provider.authorize(address, subject, Twist.NONE));

        assertThat(WebSession.location(back)).isEqualTo("/phr");
        assertThat(web.get("/phr").statusCode()).isEqualTo(200);
        assertThat(audit.since(audit.max() - 5, resident.account().loginId())).last().asString()
                .startsWith("LOGIN_OIDC PERMIT provider second after the password, subject ");
    }

    @Test
    void theOperatorSeesAndRemovesAPersonsLink() {
        Residents.Resident resident = resident();
        link(residents.logIn(port, resident), "mynumber", subject());
        long personId = resident.account().personId();
        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());

        String page = operator.get("/admin/persons/" + personId).body();
        long link = jdbc.sql("SELECT id FROM oidc_link WHERE user_id = ?").param(resident.account().id())
                .query(Long.class).single();
        assertThat(page).contains("id=\"oidc-links\"").contains("data-oidc-link=\"" + link + "\"");
        assertThat(page).as("the link's provider by its name, not its id")
                .containsPattern("data-oidc-link=\"" + link + "\">\\s*<td>マイナンバーカード</td>");
        long before = audit.max();

        // issue 67: one click asks first (the card named by when it was linked) and removes nothing
        HttpResponse<String> asked = operator.post("/admin/persons/" + personId + "/mynumber/" + link + "/remove");
        assertThat(WebSession.location(asked)).isEqualTo("/admin/persons/" + personId + "?confirm=mynumber-" + link);
        assertThat(operator.get(WebSession.location(asked)).body())
                .contains("<details class=\"confirm\" id=\"mynumber-" + link + "\" open=\"open\">")
                .containsPattern("<p class=\"confirm-question\" id=\"mynumber-" + link + "-question\">\\d{4}-\\d{2}-\\d{2} "
                        + "\\d{2}:\\d{2}に連携したマイナンバーカードの連携を解除します。解除すると、このカードではこの方の健康手帳に"
                        + "ログインできなくなります。元に戻せません（使うには、本人が健康手帳からもう一度連携します）。</p>");
        assertThat(audit.reasons(before, "OIDC_UNLINK", "User")).as("nothing removed yet").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM oidc_link WHERE user_id = ?").param(resident.account().id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(WebSession.location(operator.post("/admin/persons/" + personId + "/mynumber/" + link + "/remove",
                "confirmed", "yes"))).isEqualTo("/admin/persons/" + personId);

        assertThat(jdbc.sql("SELECT count(*) FROM oidc_link WHERE user_id = ?").param(resident.account().id())
                .query(Long.class).single()).isZero();
        assertThat(audit.reasons(before, "OIDC_UNLINK", "User")).containsExactly("provider mynumber: removed by the operator");
    }

    /**
     * Since issue 37 a re-registration changes nothing until it is confirmed (the link keeps working meanwhile); the
     * confirmation removes the links.
     */
    @Test
    void aConfirmedReRegistrationWithANewCodeRemovesTheLinks() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "マイナンバー");
        Residents.Resident resident = residents.register(patient.personId());
        String subject = subject();
        link(residents.logIn(port, resident), "mynumber", subject);
        long before = audit.max();

        residents.register(patient.personId(), resident.card(), patient.person().birthDate());

        assertThat(jdbc.sql("SELECT count(*) FROM oidc_link WHERE user_id = ?").param(resident.account().id())
                .query(Long.class).single()).as("held until confirmed").isEqualTo(1);
        assertThat(audit.reasons(before, "OIDC_UNLINK", "User")).isEmpty();
        long pending = jdbc.sql("SELECT id FROM phr_account_recovery WHERE person_id = ? AND state = 'PENDING'")
                .param(patient.personId()).query(Long.class).single();
        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
        operator.get("/admin/persons/" + patient.personId());
        operator.post("/admin/persons/" + patient.personId() + "/phr-recovery/" + pending + "/confirm");

        assertThat(jdbc.sql("SELECT count(*) FROM oidc_link WHERE user_id = ?").param(resident.account().id())
                .query(Long.class).single()).isZero();
        assertThat(audit.reasons(before, "OIDC_UNLINK", "User"))
                .containsExactly("provider mynumber: removed when the re-registration with a new code was confirmed");
        assertThat(logInWithCard(new WebSession(port), subject, Twist.NONE).statusCode()).isEqualTo(403);
    }

    private Residents.Resident resident() {
        return residents.register(residents.patientAt(port, FacilityKind.HOSPITAL, "マイナンバー").personId());
    }

    static String subject() {
        return "mock-subject-" + UUID.randomUUID();
    }

    /** The signed-in resident links {@code subject} at {@code providerId}; Musubi's answer to the round trip. */
    private HttpResponse<String> link(WebSession web, String providerId, String subject) {
        web.get("/phr/mynumber");
        String address = OidcBrowser.toProvider(web.post("/phr/mynumber/link", "provider", providerId,
                "password", Residents.PASSWORD));
        HttpResponse<String> back = OidcBrowser.comeBack(web, provider.authorize(address, subject, Twist.NONE));
        assertThat(back.statusCode()).isEqualTo(302);
        return back;
    }

    /** A login by the card alone from the notebook's login page; Musubi's answer to the round trip. */
    private HttpResponse<String> logInWithCard(WebSession web, String subject, Twist twist) {
        web.get("/phr/login");
        URI callback = provider.authorize(OidcBrowser.toProvider(web.get("/phr/login/mynumber?provider=mynumber")),
                subject, twist);
        return OidcBrowser.comeBack(web, callback);
    }
}
