package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.musubi.testing.TestRegionalIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Break-the-glass: reason and password, a time limit, the emergency consent, and a network admin's review. */
@MusubiIntegrationTest
class EmergencyAccessIT {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    IdentityStore identities;
    @Autowired
    Consents consents;
    @Autowired
    AuditRows audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDoctorWithoutLinkOpensTheEmergencyViewAfterReasonAndPasswordAndAnAdminReviewsIt() {
        RegisteredPerson person = person(Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        User doctor = accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR);
        WebSession web = new WebSession(port);
        accounts.logIn(web, doctor);
        long before = audit.max();
        assertThat(web.get("/portal/patients/" + person.id()).statusCode()).isEqualTo(403);
        web.get("/portal/patients/" + person.id() + "/emergency");

        HttpResponse<String> wrongPassword = web.post("/portal/patients/" + person.id() + "/emergency",
                "reason", "救急搬送、意識障害", "password", "not my password");
        HttpResponse<String> opened = web.post("/portal/patients/" + person.id() + "/emergency",
                "reason", "救急搬送、意識障害", "password", TestAccounts.PASSWORD);

        assertThat(wrongPassword.body()).contains("パスワードが正しくありません");
        assertThat(WebSession.location(opened)).isEqualTo("/portal/patients/" + person.id() + "?purpose=EMERGENCY");
        HttpResponse<String> view = web.get("/portal/patients/" + person.id() + "?purpose=EMERGENCY");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("緊急時アクセス（ブレークグラス）による閲覧です")
                .contains("id=\"emergency-banner\"").contains("緊急時アクセス（ブレークグラス）で閲覧中です");
        assertThat(audit.forPatient(before, person.person().regionalId())).containsExactly(
                "READ DENY policy.deny.notLinked", "EMERGENCY_OPEN DENY emergency.password.wrong",
                audit.forPatient(before, person.person().regionalId()).get(2),
                "READ PERMIT policy.permit.emergencyAccess");
        assertThat(audit.forPatient(before, person.person().regionalId()).get(2))
                .startsWith("EMERGENCY_OPEN PERMIT 救急搬送、意識障害 (until ");

        WebSession admin = new WebSession(port);
        accounts.logIn(admin, accounts.networkAdmin());
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
    void theEmergencyViewEndsWithItsTimeLimit() {
        RegisteredPerson person = person(Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        WebSession web = emergencyOpened(person);
        jdbc.sql("UPDATE emergency_access SET expires_at = now() - interval '1 second' WHERE person_id = ?")
                .param(person.id()).update();

        HttpResponse<String> after = web.get("/portal/patients/" + person.id() + "?purpose=EMERGENCY");

        assertThat(after.statusCode()).isEqualTo(403);
        assertThat(after.body()).contains("data-reason=\"policy.deny.emergencyAccessExpired\"");
    }

    @Test
    void withoutAnEmergencyConsentTheGlassStaysShut() {
        RegisteredPerson person = person(Set.of(Purpose.TREATMENT));
        WebSession web = emergencyOpened(person);

        HttpResponse<String> view = web.get("/portal/patients/" + person.id() + "?purpose=EMERGENCY");

        assertThat(view.statusCode()).isEqualTo(403);
        assertThat(view.body()).contains("data-reason=\"policy.deny.noConsent\"");
    }

    @Test
    void aVagueReasonIsRefused() {
        RegisteredPerson person = person(Set.of(Purpose.EMERGENCY));
        WebSession web = new WebSession(port);
        accounts.logIn(web, accounts.staff(FacilityKind.HOSPITAL, Profession.NURSE));
        web.get("/portal/patients/" + person.id() + "/emergency");

        HttpResponse<String> refused = web.post("/portal/patients/" + person.id() + "/emergency",
                "reason", "急", "password", TestAccounts.PASSWORD);

        assertThat(refused.body()).contains("理由を5文字以上");
        assertThat(consents.emergencies(person.id())).isEmpty();
    }

    private WebSession emergencyOpened(RegisteredPerson person) {
        WebSession web = new WebSession(port);
        accounts.logIn(web, accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR));
        web.get("/portal/patients/" + person.id() + "/emergency");
        web.post("/portal/patients/" + person.id() + "/emergency", "reason", "救急外来で意識なし", "password", TestAccounts.PASSWORD);
        return web;
    }

    private RegisteredPerson person(Set<Purpose> purposes) {
        RegisteredPerson person = identities.register(new Person(TestRegionalIds.next(), "救急", "一郎", "キュウキュウ",
                "イチロウ", Sex.MALE, LocalDate.of(1950, 1, 1), null, null, null));
        consents.grant(person.id(), ConsentScope.ALL_FACILITIES, null, purposes, 0, null);
        return person;
    }
}
