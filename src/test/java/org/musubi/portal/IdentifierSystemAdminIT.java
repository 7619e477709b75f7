package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The facility's identifier systems page ({@code /admin/facilities/{id}/identifier-systems}): who may declare and
 * remove a facility's systems, the field errors for what cannot be declared, and one audit row per change. Each test
 * works on hospitals of its own.
 */
@MusubiIntegrationTest
class IdentifierSystemAdminIT extends NetworkFixtures {

    @Autowired
    Facilities facilities;

    @Test
    void anOperatorDeclaresAndRemovesASystemAndEachChangeLeavesOneAuditRow() {
        Facility hospital = accounts.newHospital();
        User operator = accounts.networkAdmin();
        WebSession web = loggedIn(operator);
        String page = "/admin/facilities/" + hospital.id() + "/identifier-systems";
        String system = ownSystem();
        web.get(page);
        long before = audit.max();

        HttpResponse<String> declared = web.post(page, "system", system);
        String shown = web.get(WebSession.location(declared)).body();
        // issue 67: one click asks first (the system and the facility named, what follows) and removes nothing
        HttpResponse<String> asked = web.post(page + "/remove", "system", system);
        String question = web.get(WebSession.location(asked)).body();
        HttpResponse<String> removed = web.post(page + "/remove", "system", system, "confirmed", "yes");
        String after = web.get(WebSession.location(removed)).body();

        assertThat(declared.statusCode()).isEqualTo(302);
        assertThat(shown).contains(system).contains(FhirRecords.patientSystem(hospital)).contains(operator.loginId())
                .contains("を登録しました");
        assertThat(WebSession.location(asked)).startsWith(page + "?confirm=");
        assertThat(question).contains("<details class=\"confirm\" id=\"remove-system-0\" open=\"open\">")
                .contains("<p class=\"confirm-question\" id=\"remove-system-0-question\">識別子体系「" + system + "」を"
                        + hospital.nameKanji() + "の患者IDの登録から削除します。削除すると、FHIR API はこの体系を受け付けず、応答にも"
                        + "含めなくなります。登録済みの患者と記録、地域IDとの連携はそのまま残ります（再び登録すると元に戻ります）。</p>")
                .contains("class=\"declared-system\"");
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(after).contains("の登録を削除しました").doesNotContain("class=\"declared-system\"");
        assertThat(facilities.find(hospital.id()).orElseThrow().identifierSystems()).isEmpty();
        assertThat(audit.since(before, operator.loginId())).containsExactly(
                "IDENTIFIER_SYSTEM_DECLARE PERMIT " + system, "IDENTIFIER_SYSTEM_REMOVE PERMIT " + system);
    }

    @Test
    void aMalformedSystemIsAFieldErrorInJapaneseAndInEnglishWhenAsked() {
        Facility hospital = accounts.newHospital();
        WebSession web = loggedIn(accounts.networkAdmin());
        String page = "/admin/facilities/" + hospital.id() + "/identifier-systems";
        web.get(page);

        HttpResponse<String> bare = web.post(page, "system", "1.2.392.200119.99.1");
        HttpResponse<String> spaced = web.post(page, "system", "hospital smarthealthit");
        web.get(page + "?lang=en");
        HttpResponse<String> english = web.post(page, "system", "hospital.smarthealthit.org");

        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(bare.body()).contains("data-field=\"system\"")
                .contains("OID は urn:oid: を付けて入力してください（例：urn:oid:1.2.392.200119.99.1）。");
        assertThat(spaced.body()).contains("data-field=\"system\"").contains("は識別子体系として使える URI ではありません");
        assertThat(english.body()).contains("is not a URI usable as an identifier system");
        assertThat(facilities.find(hospital.id()).orElseThrow().identifierSystems()).isEmpty();
    }

    @Test
    void aSystemAnotherFacilityDeclaredIsAFieldErrorNamingThatFacility() {
        Facility first = accounts.newHospital();
        Facility second = accounts.newHospital();
        String system = ownSystem();
        WebSession firstAdmin = loggedIn(accounts.adminOf(first));
        WebSession secondAdmin = loggedIn(accounts.adminOf(second));
        firstAdmin.get("/admin/facilities/" + first.id() + "/identifier-systems");
        firstAdmin.post("/admin/facilities/" + first.id() + "/identifier-systems", "system", system);
        secondAdmin.get("/admin/facilities/" + second.id() + "/identifier-systems");

        HttpResponse<String> taken = secondAdmin.post("/admin/facilities/" + second.id() + "/identifier-systems",
                "system", system);
        HttpResponse<String> regional = secondAdmin.post("/admin/facilities/" + second.id() + "/identifier-systems",
                "system", "urn:musubi:regional-id");

        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(taken.body()).contains("data-field=\"system\"")
                .contains("この体系は " + first.nameKanji() + " がすでに登録しています。");
        assertThat(regional.body()).contains("これは地域ID（地域共通患者ID）の体系で、施設の体系として登録できません。");
        assertThat(facilities.find(first.id()).orElseThrow().identifierSystems()).containsExactly(system);
        assertThat(facilities.find(second.id()).orElseThrow().identifierSystems()).isEmpty();
    }

    @Test
    void aFacilityAdminManagesOnlyTheirOwnFacilitysSystems() {
        Facility own = accounts.newHospital();
        Facility other = accounts.newHospital();
        User admin = accounts.adminOf(own);
        WebSession web = loggedIn(admin);
        String ownPage = "/admin/facilities/" + own.id() + "/identifier-systems";
        String otherPage = "/admin/facilities/" + other.id() + "/identifier-systems";
        web.get("/admin/users");
        long before = audit.max();

        HttpResponse<String> start = web.get("/admin/identifier-systems");
        HttpResponse<String> foreignPage = web.get(otherPage);
        HttpResponse<String> foreignDeclare = web.post(otherPage, "system", ownSystem());
        HttpResponse<String> foreignRemove = web.post(otherPage + "/remove", "system", ownSystem(), "confirmed", "yes");
        HttpResponse<String> foreignAsked = web.post(otherPage + "/remove", "system", ownSystem());
        HttpResponse<String> nowhereAsked = web.post("/admin/facilities/" + Long.MAX_VALUE + "/identifier-systems/remove",
                "system", ownSystem());
        web.get(ownPage);
        String system = ownSystem();
        HttpResponse<String> ownDeclare = web.post(ownPage, "system", system);

        assertThat(WebSession.location(start)).isEqualTo(ownPage);
        assertThat(foreignPage.statusCode()).isEqualTo(403);
        assertThat(foreignDeclare.statusCode()).isEqualTo(403);
        assertThat(foreignRemove.statusCode()).isEqualTo(403);
        assertThat(foreignAsked.statusCode()).as("asked about another facility's: as about none").isEqualTo(403);
        assertThat(foreignAsked.body()).isEqualTo(nowhereAsked.body());
        assertThat(ownDeclare.statusCode()).isEqualTo(302);
        assertThat(facilities.find(other.id()).orElseThrow().identifierSystems()).isEmpty();
        assertThat(facilities.find(own.id()).orElseThrow().identifierSystems()).containsExactly(system);
        assertThat(audit.since(before, admin.loginId())).containsExactly(
                "IDENTIFIER_SYSTEM_DECLARE DENY outside the administrator's facilities",
                "IDENTIFIER_SYSTEM_REMOVE DENY outside the administrator's facilities",
                "IDENTIFIER_SYSTEM_DECLARE PERMIT " + system);
    }

    @Test
    void otherUsersCannotReachThePage() {
        Facility hospital = accounts.newHospital();
        String page = "/admin/facilities/" + hospital.id() + "/identifier-systems";
        WebSession doctor = loggedIn(accounts.memberOf(hospital, Profession.DOCTOR));
        WebSession clinicAdmin = loggedIn(accounts.facilityAdmin(FacilityKind.CLINIC));

        assertThat(doctor.get(page).statusCode()).isEqualTo(403);
        assertThat(clinicAdmin.get(page).statusCode()).isEqualTo(403);
        assertThat(new WebSession(port).get(page).statusCode()).isEqualTo(401);
    }

    private WebSession loggedIn(User user) {
        return accounts.signedIn(port, user);
    }

    private static String ownSystem() {
        return "https://ehr.example.org/" + UUID.randomUUID() + "/mrn";
    }
}
