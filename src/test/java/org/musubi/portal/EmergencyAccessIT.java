package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.TestRegionalIds;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Break-the-glass: find the one patient in front of the user (by card, or by exact name, birth date and sex), then
 * reason and password, a time limit, the emergency consent, the professions that may use it, and a network
 * admin's review. Finding 4 (it became a permanent full link for any profession) and the weaker finding (a person
 * without emergency consent was refused only after the reason and password) have their regression tests here.
 */
@MusubiIntegrationTest
class EmergencyAccessIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    IssueCard issueCard;

    @Test
    void aDoctorFindsThePatientByNameOpensTheEmergencyViewAfterReasonAndPasswordAndAnAdminReviewsIt() {
        RegisteredPerson person = person(Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        User doctor = accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, doctor);
        long before = audit.max();
        assertThat(web.get("/portal/patients/" + person.id()).statusCode()).isEqualTo(404);
        web.get("/portal/emergency");

        HttpResponse<String> found = findByName(web, person);
        String confirm = web.get("/portal/emergency/open").body();
        HttpResponse<String> wrongPassword = web.post("/portal/emergency/open", "reason", "救急搬送、意識障害",
                "password", "not my password");
        HttpResponse<String> opened = web.post("/portal/emergency/open", "reason", "救急搬送、意識障害",
                "password", TestAccounts.PASSWORD);

        assertThat(WebSession.location(found)).isEqualTo("/portal/emergency/open");
        assertThat(confirm).contains(person.person().familyKana() + " " + person.person().givenKana());
        assertThat(wrongPassword.body()).contains("パスワードが正しくありません");
        assertThat(WebSession.location(opened)).isEqualTo("/portal/patients/" + person.id() + "?purpose=EMERGENCY");
        HttpResponse<String> view = web.get("/portal/patients/" + person.id() + "?purpose=EMERGENCY");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("緊急時アクセス（ブレークグラス）による閲覧です")
                .contains("id=\"emergency-banner\"").contains("緊急時アクセス（ブレークグラス）で閲覧中です");
        List<String> rows = audit.forPatient(before, person.person().regionalId());
        assertThat(rows).hasSize(5);
        assertThat(rows.subList(0, 3)).containsExactly("READ DENY policy.deny.notLinked",
                "EMERGENCY_LOOKUP PERMIT name, birth date and sex", "EMERGENCY_OPEN DENY emergency.password.wrong");
        assertThat(rows.get(3)).startsWith("EMERGENCY_OPEN PERMIT 救急搬送、意識障害 (until ");
        assertThat(rows.get(4)).isEqualTo("READ PERMIT policy.permit.emergencyAccess");

        WebSession admin = accounts.signedIn(port, accounts.networkAdmin());
        HttpResponse<String> list = admin.get("/admin/emergency");
        assertThat(list.body()).contains("救急搬送、意識障害");
        long waiting = consents.countUnreviewedEmergencies();
        assertThat(admin.get("/").body()).as("the alert on every admin page")
                .contains("id=\"emergency-alert\"").contains(">" + waiting + "<");
        long accessId = consents.emergencies(person.id()).getFirst().id();
        admin.post("/admin/emergency/" + accessId + "/review", "note", "ER record checked");
        assertThat(consents.countUnreviewedEmergencies()).isEqualTo(waiting - 1);
        assertThat(consents.emergencies(person.id()).getFirst().reviewedAt()).isNotNull();
        assertThat(admin.get("/admin/emergency").body()).doesNotContain("救急搬送、意識障害");
    }

    @Test
    void aNurseFindsThePatientByTheCardsQrCode() {
        RegisteredPerson person = person(Set.of(Purpose.EMERGENCY));
        IssuedCard card = issueCard.regional(0, person.id());
        WebSession web = signedIn(Profession.NURSE);

        HttpResponse<String> wrongCode = web.post("/portal/emergency", "card", card.card().number(), "checkCode", "AAAA-AAAA");
        HttpResponse<String> found = web.post("/portal/emergency", "card", card.qrPayload());

        assertThat(wrongCode.body()).contains("data-key=\"emergency.notFound\"");
        assertThat(WebSession.location(found)).isEqualTo("/portal/emergency/open");
    }

    @Test
    void withoutAnEmergencyConsentTheGlassIsNotOfferedAndReadsLikeNoSuchPatient() {
        RegisteredPerson person = person(Set.of(Purpose.TREATMENT));
        WebSession web = signedIn(Profession.DOCTOR);
        long before = audit.max();

        HttpResponse<String> refused = findByName(web, person);
        HttpResponse<String> nobody = web.post("/portal/emergency", "kanaName", "ダレモイナイ " + FhirRecords.uniqueKana(),
                "birthDate", "1950-01-01", "sex", "MALE");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-key=\"emergency.notFound\"").doesNotContain("id=\"emergency-form\"")
                .doesNotContain("同意していない方です");
        assertThat(errorOf(refused)).isEqualTo(errorOf(nobody));
        assertThat(web.get("/portal/emergency/open").statusCode()).as("no person to open").isEqualTo(302);
        assertThat(consents.emergencies(person.id())).as("nothing opened, nothing to review").isEmpty();
        assertThat(audit.forPatient(before, person.person().regionalId()))
                .containsExactly("EMERGENCY_LOOKUP DENY name, birth date and sex: policy.deny.noConsent");
    }

    @Test
    void theHolderOfAProvedCardWithoutEmergencyConsentIsToldSoBeforeAnyReasonOrPasswordAndItIsAuditedOnce() {
        RegisteredPerson person = person(Set.of(Purpose.TREATMENT));
        IssuedCard card = issueCard.regional(0, person.id());
        WebSession web = signedIn(Profession.DOCTOR);
        long before = audit.max();

        HttpResponse<String> byQr = web.post("/portal/emergency", "card", card.qrPayload());
        HttpResponse<String> byNumber = web.post("/portal/emergency", "card", card.card().number(),
                "checkCode", card.printedCheckCode());

        for (HttpResponse<String> told : List.of(byQr, byNumber)) {
            assertThat(told.statusCode()).isEqualTo(200);
            assertThat(told.body()).contains("data-key=\"emergency.card.noConsent\"")
                    .contains("緊急時の閲覧に同意していない").contains("カードで連携")
                    .doesNotContain("id=\"emergency-form\"").doesNotContain(person.person().givenKana());
        }
        assertThat(web.get("/portal/emergency/open").statusCode()).as("no person to open").isEqualTo(302);
        assertThat(consents.emergencies(person.id())).isEmpty();
        assertThat(audit.forPatient(before, person.person().regionalId())).containsExactly(
                "EMERGENCY_LOOKUP DENY card: policy.deny.noConsent", "EMERGENCY_LOOKUP DENY card: policy.deny.noConsent");
    }

    @Test
    void theHolderOfAProvedCardWhoBlockedTheFacilityIsToldSoInJapaneseOrEnglish() {
        RegisteredPerson person = person(Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        IssuedCard card = issueCard.regional(0, person.id());
        consents.block(person.id(), accounts.facilityOf(FacilityKind.HOSPITAL).id(), 0);
        WebSession web = signedIn(Profession.NURSE);
        long before = audit.max();

        HttpResponse<String> told = web.post("/portal/emergency", "card", card.qrPayload());
        web.get("/portal/emergency?lang=en");
        HttpResponse<String> toldInEnglish = web.post("/portal/emergency", "card", card.qrPayload());

        assertThat(told.body()).contains("data-key=\"emergency.card.facilityBlocked\"")
                .contains("この施設からの閲覧を拒否しているため").doesNotContain("id=\"emergency-form\"");
        assertThat(toldInEnglish.body()).contains("data-key=\"emergency.card.facilityBlocked\"")
                .contains("this facility may not view their records, not even by emergency access");
        assertThat(consents.emergencies(person.id())).isEmpty();
        assertThat(audit.forPatient(before, person.person().regionalId())).containsExactly(
                "EMERGENCY_LOOKUP DENY card: policy.deny.facilityBlocked",
                "EMERGENCY_LOOKUP DENY card: policy.deny.facilityBlocked");
    }

    @Test
    void aClerkOrACareManagerCannotBreakTheGlass() {
        RegisteredPerson person = person(Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        for (Profession profession : List.of(Profession.MEDICAL_CLERK, Profession.CARE_MANAGER)) {
            User user = accounts.staff(FacilityKind.HOSPITAL, profession);
            WebSession web = accounts.signedIn(port, user);
            web.get("/portal/emergency");
            long before = audit.max();

            HttpResponse<String> refused = findByName(web, person);

            assertThat(refused.body()).as(profession.name()).contains("data-key=\"policy.deny.professionNotForEmergency\"")
                    .doesNotContain(person.person().givenKana());
            assertThat(audit.since(before, user.loginId())).containsExactly(
                    "EMERGENCY_LOOKUP DENY policy.deny.professionNotForEmergency");
            assertThat(web.get("/portal/patients/" + person.id() + "?purpose=EMERGENCY").statusCode()).isEqualTo(404);
        }
        assertThat(consents.emergencies(person.id())).isEmpty();
    }

    @Test
    void anOpenEmergencyAccessNeverBecomesALinkAndShowsNoCardNumber() {
        RegisteredPerson person = person(Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        IssuedCard card = issueCard.regional(0, person.id());
        WebSession web = emergencyOpened(person);
        String view = web.get("/portal/patients/" + person.id() + "?purpose=EMERGENCY").body();
        web.get("/portal/link");

        HttpResponse<String> withPersonId = web.post("/portal/link", "card", person.person().regionalId(),
                "kanaName", person.person().familyKana() + person.person().givenKana(),
                "birthDate", person.person().birthDate().toString());
        HttpResponse<String> withCardNumberOnly = web.post("/portal/link", "card", card.card().number(),
                "kanaName", person.person().familyKana() + person.person().givenKana(),
                "birthDate", person.person().birthDate().toString());

        assertThat(view).doesNotContain(card.card().number());
        assertThat(withPersonId.body()).contains("いずれかが一致しません");
        assertThat(withCardNumberOnly.body()).contains("いずれかが一致しません");
        assertThat(consents.links(person.id())).isEmpty();
        assertThat(web.get("/portal/patients/" + person.id()).statusCode()).as("no treatment view").isEqualTo(404);
        assertThat(web.get("/portal/patients/" + person.id() + "/labs?purpose=EMERGENCY").statusCode()).isEqualTo(200);
    }

    @Test
    void theEmergencyViewEndsWithItsTimeLimit() {
        RegisteredPerson person = person(Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        WebSession web = emergencyOpened(person);
        jdbc.sql("UPDATE emergency_access SET expires_at = now() - interval '1 second' WHERE person_id = ?")
                .param(person.id()).update();
        long before = audit.max();

        HttpResponse<String> after = web.get("/portal/patients/" + person.id() + "?purpose=EMERGENCY");

        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(after.body()).doesNotContain("policy.deny");
        assertThat(audit.forPatient(before, person.person().regionalId()))
                .containsExactly("READ DENY policy.deny.emergencyAccessExpired");
    }

    @Test
    void aVagueReasonIsRefused() {
        RegisteredPerson person = person(Set.of(Purpose.EMERGENCY));
        WebSession web = signedIn(Profession.NURSE);
        findByName(web, person);

        HttpResponse<String> refused = web.post("/portal/emergency/open", "reason", "急", "password", TestAccounts.PASSWORD);

        assertThat(refused.body()).contains("理由を5文字以上");
        assertThat(consents.emergencies(person.id())).isEmpty();
    }

    @Test
    void lookUpsThatFindNoOneAreThrottledPerUser() {
        WebSession web = signedIn(Profession.DOCTOR);
        RegisteredPerson person = person(Set.of(Purpose.EMERGENCY));
        for (int i = 0; i < 10; i++) {
            web.post("/portal/emergency", "kanaName", "ダレモイナイ " + FhirRecords.uniqueKana(), "birthDate", "1950-01-01",
                    "sex", "FEMALE");
        }

        HttpResponse<String> eleventh = findByName(web, person);

        assertThat(eleventh.body()).contains("data-key=\"emergency.throttled\"");
    }

    private HttpResponse<String> findByName(WebSession web, RegisteredPerson person) {
        Person p = person.person();
        return web.post("/portal/emergency", "kanaName", p.familyKana() + " " + p.givenKana(),
                "birthDate", p.birthDate().toString(), "sex", p.sex().name());
    }

    private static String errorOf(HttpResponse<String> page) {
        int at = page.body().indexOf("id=\"emergency-error\"");
        return page.body().substring(at, page.body().indexOf("</p>", at));
    }

    private WebSession signedIn(Profession profession) {
        WebSession web = accounts.signedIn(port, accounts.staff(FacilityKind.HOSPITAL, profession));
        web.get("/portal/emergency");
        return web;
    }

    private WebSession emergencyOpened(RegisteredPerson person) {
        WebSession web = signedIn(Profession.DOCTOR);
        findByName(web, person);
        web.post("/portal/emergency/open", "reason", "救急外来で意識なし", "password", TestAccounts.PASSWORD);
        return web;
    }

    /** A person with a unique kana name, so that the exact look-up finds exactly this one. */
    private RegisteredPerson person(Set<Purpose> purposes) {
        RegisteredPerson person = identities.register(new Person(TestRegionalIds.next(), "救急", "一郎", "キュウキュウ",
                FhirRecords.uniqueKana(), Sex.MALE, LocalDate.of(1950, 1, 1), null, null, null));
        consents.grant(person.id(), ConsentScope.ALL_FACILITIES, null, purposes, 0, null);
        return person;
    }
}
