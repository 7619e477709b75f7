package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.identity.cards.IssueCard;
import org.musubi.phr.Residents;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Passkeys tried as an attacker would: a forged assertion at the second login step is refused, audited and counted
 * like a wrong code until the account locks; the passkey endpoints need the password step first; staff sessions reach
 * no resident's passkey page; removing a passkey that is not one's own changes nothing.
 */
@MusubiIntegrationTest
class PasskeyAttackIT extends NetworkFixtures {

    private static final String FORGED = """
            {"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AAAA",
             "signature":"AAAA"},"clientExtensionResults":{}}""";

    @Autowired
    IssueCard cards;
    @Autowired
    Residents residents;

    @Test
    void aForgedAssertionIsRefusedAuditedAndCountedUntilTheAccountLocks() {
        Residents.Resident resident = resident();
        WebSession web = new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.81");
        web.get("/phr/login");
        web.post("/login", "username", resident.account().loginId(), "password", Residents.PASSWORD, "from", "phr");
        HttpResponse<String> secondStep = web.get("/login/second-factor");
        assertThat(web.send(HttpRequest.newBuilder(URI.create(web.base() + "/login/passkey/options"))
                .header("Accept", "application/json").GET()).body()).as("no passkey yet")
                .isEqualTo("{\"allowCredentials\":[]}");
        String csrf = csrfOf(secondStep.body());
        long before = audit.max();

        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/login/passkey"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(FORGED)));
            if (i < 4) {
                assertThat(last.statusCode()).isEqualTo(400);
                assertThat(last.body()).contains("passkey.refused").doesNotContain("redirect");
            }
        }
        assertThat(last.body()).as("the fifth failure locks the account").contains("redirect").contains("locked");
        assertThat(audit.since(before, resident.account().loginId()))
                .filteredOn(row -> row.startsWith("LOGIN_SECOND_FACTOR DENY")).hasSize(5);
        assertThat(jdbc.sql("SELECT locked_until IS NOT NULL FROM credential WHERE user_id = ?")
                .param(resident.account().id()).query(Boolean.class).single()).isTrue();
        assertThat(web.get("/phr").statusCode()).as("no session came of it").isIn(302, 401, 403);
    }

    @Test
    void thePasskeyEndpointsNeedThePasswordStepAndStaffReachNoResidentsPasskeys() {
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.get("/login/passkey/options").statusCode()).isIn(302, 401, 403);
        anonymous.get("/login");
        assertThat(anonymous.post("/login/passkey").statusCode()).isIn(302, 401, 403);

        WebSession doctor = accounts.signedIn(port, accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR));
        assertThat(doctor.get("/phr/passkeys").statusCode()).isEqualTo(403);
        doctor.get("/");
        assertThat(doctor.post("/phr/passkeys/options").statusCode()).isEqualTo(403);
    }

    @Test
    void removingAPasskeyAsksItsOwnerFirstAndAnotherResidentChangesNothing() {
        Residents.Resident owner = resident();
        long passkey = jdbc.sql("""
                INSERT INTO passkey (user_id, credential_id, attested_data, label) VALUES (?, ?, ?, 'owner''s phone')
                RETURNING id""").params(owner.account().id(), new byte[] {1, 2, 3, (byte) owner.account().id()},
                new byte[] {0}).query(Long.class).single();
        Residents.Resident other = resident();
        WebSession web = residents.logIn(port, other);
        web.get("/phr/passkeys");

        web.post("/phr/passkeys/" + passkey + "/remove", "confirmed", "yes");
        HttpResponse<String> asked = web.post("/phr/passkeys/" + passkey + "/remove");
        HttpResponse<String> askedNobody = web.post("/phr/passkeys/" + Long.MAX_VALUE + "/remove");

        assertThat(jdbc.sql("SELECT count(*) FROM passkey WHERE id = ?").param(passkey).query(Long.class).single())
                .isEqualTo(1);
        assertThat(web.get("/phr/passkeys").body()).doesNotContain("owner's phone").doesNotContain("owner&#39;s phone");
        assertThat(WebSession.location(asked)).as("asked about another's passkey (issue 67): as about none")
                .isEqualTo(WebSession.location(askedNobody)).isEqualTo("/phr/passkeys");

        // the owner: one click asks first (the passkey named, what follows) and removes nothing; confirmed, it is gone
        WebSession own = residents.logIn(port, owner);
        own.get("/phr/passkeys");
        HttpResponse<String> ownAsked = own.post("/phr/passkeys/" + passkey + "/remove");
        assertThat(WebSession.location(ownAsked)).isEqualTo("/phr/passkeys?confirm=" + passkey);
        assertThat(own.get(WebSession.location(ownAsked)).body())
                .contains("<details class=\"confirm\" id=\"passkey-remove-" + passkey + "\" open=\"open\">")
                .contains("<p class=\"confirm-question\" id=\"passkey-remove-" + passkey + "-question\">パスキー「owner&#39;s phone」"
                        + "を削除します。削除すると、このパスキーではログインの確認ができなくなります。元に戻せません（使うには、もう一度登録します）。</p>");
        assertThat(jdbc.sql("SELECT count(*) FROM passkey WHERE id = ?").param(passkey).query(Long.class).single())
                .isEqualTo(1);
        assertThat(WebSession.location(own.post("/phr/passkeys/" + passkey + "/remove", "confirmed", "yes")))
                .isEqualTo("/phr/passkeys");
        assertThat(jdbc.sql("SELECT count(*) FROM passkey WHERE id = ?").param(passkey).query(Long.class).single())
                .isZero();
    }

    private Residents.Resident resident() {
        return residents.register(residents.patientAt(port, FacilityKind.HOSPITAL, "パスキーネライ").personId());
    }

    private static String csrfOf(String page) {
        Matcher token = Pattern.compile("data-token=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
