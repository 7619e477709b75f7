package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * My Number card login tried as an attacker would, against a test OpenID provider ({@link MockOpenIdProvider}, a mock
 * of the デジタル認証アプリ, which is outside) that can be made to misbehave: ID tokens with a wrong nonce, audience,
 * authorized party or issuer, expired, signed by another key, unsigned ({@code alg: none}) or signed with HMAC are refused; a state that
 * does not match, a replayed answer and an intercepted code injected into another session (which the provider refuses
 * for its PKCE verifier) log nobody in; a subject linked to someone else cannot be linked again; an unlinked subject
 * gets no session; linking needs the password; the step after the password accepts only the account's own subject and
 * counts a wrong one like a wrong code. Each refusal is one audit row, and no session comes of it.
 */
@MusubiIntegrationTest
class MyNumberAttackIT extends NetworkFixtures {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    Residents residents;
    @Autowired
    MockOpenIdProvider provider;

    @ParameterizedTest
    @CsvSource({
            "WRONG_NONCE, ID token nonce does not answer this round trip",
            "WRONG_AUDIENCE, ID token for another audience",
            "ANOTHER_AUTHORIZED_PARTY, ID token authorized for another party (azp)",
            "WRONG_ISSUER, ID token from another issuer",
            "EXPIRED, ID token expired",
            "BAD_SIGNATURE, ID token signature not verified by the provider's keys",
            "ALG_NONE, ID token not signed (alg none or encrypted)",
            "HS256, ID token alg HS256 not accepted",
            "ACCESS_DENIED, provider answered an error (access_denied)"})
    void aBadAnswerOfTheProviderLogsNobodyIn(Twist twist, String reason) {
        String subject = linkedSubject();
        WebSession attacker = web();
        long before = audit.max();

        HttpResponse<String> back = OidcBrowser.comeBack(attacker, provider.authorize(start(attacker), subject, twist));

        assertThat(back.statusCode()).isEqualTo(400);
        assertThat(back.body()).contains("data-key=\"oidc.failed\"");
        assertThat(attacker.get("/phr").statusCode()).as("no session came of it").isIn(302, 401);
        assertThat(audit.since(before, "oidc:mynumber")).containsExactly("LOGIN_OIDC DENY provider mynumber: " + reason);
    }

    @Test
    void aStateThatDoesNotMatchIsRefusedAndEndsTheRoundTrip() {
        String subject = linkedSubject();
        WebSession web = web();
        URI callback = provider.authorize(start(web), subject, Twist.NONE);
        long before = audit.max();

        URI forged = URI.create(callback.toString().replaceAll("state=[^&]+", "state=forged"));
        assertThat(OidcBrowser.comeBack(web, forged).statusCode()).isEqualTo(400);
        assertThat(OidcBrowser.comeBack(web, callback).statusCode()).as("the round trip answered once").isEqualTo(400);

        assertThat(web.get("/phr").statusCode()).isIn(302, 401);
        assertThat(audit.since(before, "oidc:mynumber"))
                .containsExactly("LOGIN_OIDC DENY provider mynumber: state does not match the round trip under way");
        assertThat(audit.since(before, "oidc"))
                .containsExactly("LOGIN_OIDC DENY no OpenID round trip under way in this session");
    }

    @Test
    void aReplayedAnswerLogsNobodyInAgain() {
        String subject = linkedSubject();
        WebSession victim = web();
        URI callback = provider.authorize(start(victim), subject, Twist.NONE);
        assertThat(WebSession.location(OidcBrowser.comeBack(victim, callback))).isEqualTo("/phr");
        long before = audit.max();

        WebSession attacker = web();
        attacker.get("/phr/login");
        assertThat(OidcBrowser.comeBack(attacker, callback).statusCode()).isEqualTo(400);
        assertThat(attacker.get("/phr").statusCode()).isIn(302, 401);
        WebSession attackerWithARoundTrip = web();
        String ownAddress = start(attackerWithARoundTrip);
        URI replayedWithOwnState = URI.create(callback.toString().replaceAll("state=[^&]+",
                "state=" + stateOf(ownAddress)));
        assertThat(OidcBrowser.comeBack(attackerWithARoundTrip, replayedWithOwnState).statusCode()).isEqualTo(400);

        assertThat(provider.tokenRefusals()).last().isEqualTo("unknown or used code");
        assertThat(audit.since(before, "oidc"))
                .containsExactly("LOGIN_OIDC DENY no OpenID round trip under way in this session");
        assertThat(audit.since(before, "oidc:mynumber"))
                .containsExactly("LOGIN_OIDC DENY provider mynumber: token endpoint answered HTTP 400 invalid_grant");
    }

    @Test
    void anInterceptedCodeInjectedIntoAnotherSessionFailsThePkceCheck() {
        String subject = linkedSubject();
        WebSession victim = web();
        URI victimsCallback = provider.authorize(start(victim), subject, Twist.NONE);
        WebSession attacker = web();
        String attackersAddress = start(attacker);
        long before = audit.max();

        URI injected = URI.create(victimsCallback.toString().replaceAll("state=[^&]+",
                "state=" + stateOf(attackersAddress)));
        HttpResponse<String> back = OidcBrowser.comeBack(attacker, injected);

        assertThat(back.statusCode()).isEqualTo(400);
        assertThat(provider.tokenRefusals()).last().isEqualTo("PKCE verifier mismatch");
        assertThat(attacker.get("/phr").statusCode()).isIn(302, 401);
        assertThat(audit.since(before, "oidc:mynumber"))
                .containsExactly("LOGIN_OIDC DENY provider mynumber: token endpoint answered HTTP 400 invalid_grant");
    }

    @Test
    void aSubjectLinkedToSomeoneElseCannotBeLinkedAgain() {
        String subject = linkedSubject();
        Residents.Resident other = resident();
        WebSession web = residents.logIn(port, other);
        long before = audit.max();

        HttpResponse<String> back = link(web, subject);

        assertThat(WebSession.location(back)).isEqualTo("/phr/mynumber?taken");
        assertThat(web.get("/phr/mynumber?taken").body()).contains("id=\"oidc-taken\"");
        assertThat(jdbc.sql("SELECT count(*) FROM oidc_link WHERE user_id = ?").param(other.account().id())
                .query(Long.class).single()).isZero();
        assertThat(audit.since(before, other.account().loginId())).filteredOn(r -> r.startsWith("OIDC_LINK"))
                .singleElement().asString().startsWith("OIDC_LINK DENY provider mynumber, subject ")
                .endsWith(": linked to another account");
    }

    @Test
    void anUnlinkedSubjectGetsNoSession() {
        WebSession web = web();
        long before = audit.max();

        HttpResponse<String> back = OidcBrowser.comeBack(web, provider.authorize(start(web),
                "never-linked-" + UUID.randomUUID(), Twist.NONE));

        assertThat(back.statusCode()).isEqualTo(403);
        assertThat(back.body()).contains("data-key=\"oidc.unlinked\"");
        assertThat(web.get("/phr").statusCode()).isIn(302, 401);
        assertThat(audit.since(before, "oidc:mynumber")).singleElement().asString()
                .startsWith("LOGIN_OIDC DENY provider mynumber: subject not linked to any account, subject ");
    }

    @Test
    void linkingNeedsThePasswordAndASignedInResident() {
        Residents.Resident resident = resident();
        WebSession web = residents.logIn(port, resident);
        web.get("/phr/mynumber");
        long before = audit.max();

        assertThat(WebSession.location(web.post("/phr/mynumber/link", "provider", "mynumber", "password", "wrong")))
                .isEqualTo("/phr/mynumber?wrongPassword");
        assertThat(audit.since(before, resident.account().loginId()))
                .containsExactly("OIDC_LINK DENY provider mynumber: wrong password");

        WebSession anonymous = web();
        anonymous.get("/phr/login");
        assertThat(anonymous.post("/phr/mynumber/link", "provider", "mynumber", "password", Residents.PASSWORD)
                .statusCode()).isIn(302, 401, 403);
    }

    @Test
    void theStepAfterThePasswordTakesOnlyTheAccountsOwnSubjectAndCountsAWrongOne() {
        Residents.Resident owner = resident();
        String ownersSubject = MyNumberSubjects.next();
        linkAt(residents.logIn(port, owner), "second", ownersSubject);
        Residents.Resident victim = resident();
        String victimsSubject = MyNumberSubjects.next();
        linkAt(residents.logIn(port, victim), "second", victimsSubject);
        WebSession web = web();
        web.get("/phr/login");
        web.post("/login", "username", victim.account().loginId(), "password", Residents.PASSWORD, "from", "phr");
        long before = audit.max();

        String address = OidcBrowser.toProvider(web.get("/phr/login/mynumber?provider=second"));
        HttpResponse<String> back = OidcBrowser.comeBack(web, provider.authorize(address, ownersSubject, Twist.NONE));

        assertThat(back.statusCode()).isEqualTo(403);
        assertThat(back.body()).contains("data-key=\"oidc.notThisAccount\"");
        assertThat(web.get("/phr").statusCode()).isIn(302, 401, 403);
        assertThat(jdbc.sql("SELECT failed_attempts FROM credential WHERE user_id = ?").param(victim.account().id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(audit.since(before, victim.account().loginId())).singleElement().asString()
                .startsWith("LOGIN_OIDC DENY provider second: subject not linked to this account, subject ");
    }

    private String linkedSubject() {
        String subject = MyNumberSubjects.next();
        linkAt(residents.logIn(port, resident()), "mynumber", subject);
        return subject;
    }

    private void linkAt(WebSession web, String providerId, String subject) {
        web.get("/phr/mynumber");
        String address = OidcBrowser.toProvider(web.post("/phr/mynumber/link", "provider", providerId,
                "password", Residents.PASSWORD));
        assertThat(WebSession.location(OidcBrowser.comeBack(web, provider.authorize(address, subject, Twist.NONE))))
                .isEqualTo("/phr/mynumber?linked");
    }

    private HttpResponse<String> link(WebSession web, String subject) {
        web.get("/phr/mynumber");
        String address = OidcBrowser.toProvider(web.post("/phr/mynumber/link", "provider", "mynumber",
                "password", Residents.PASSWORD));
        return OidcBrowser.comeBack(web, provider.authorize(address, subject, Twist.NONE));
    }

    /** Musubi's start of a login by the card alone in this session: the provider's authorization address. */
    private static String start(WebSession web) {
        web.get("/phr/login");
        return OidcBrowser.toProvider(web.get("/phr/login/mynumber?provider=mynumber"));
    }

    private static String stateOf(String address) {
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(address);
        assertThat(state.find()).isTrue();
        return state.group(1);
    }

    private Residents.Resident resident() {
        return residents.register(residents.patientAt(port, FacilityKind.HOSPITAL, "マイナンバーネライ").personId());
    }

    /** Each attacker comes from an address of its own, so the address throttle of one never stops another. */
    private WebSession web() {
        return new WebSession(port).withHeader("X-Forwarded-For", "198.51.100." + ADDRESS.incrementAndGet());
    }

    /** Subjects no other test uses. */
    private static final class MyNumberSubjects {
        static String next() {
            return "attack-subject-" + UUID.randomUUID();
        }
    }
}
