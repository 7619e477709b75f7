package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.phr.Residents;
import org.musubi.phr.sheet.EmergencySheets;
import org.musubi.phr.sheet.SheetForm;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The emergency sheet as an attacker tries it: a break-the-glass doctor reads it but cannot enter it; a pharmacy the
 * person blocked, a proxy whose grant was revoked or ended, and a resident on the staff routes get nothing; a guessed
 * person id answers like one nobody has. Each attempt leaves one audit row.
 */
@MusubiIntegrationTest
class SheetAttackIT extends NetworkFixtures {

    @Autowired
    Residents residents;
    @Autowired
    EmergencySheets sheets;

    private Residents.Patient patient;
    private Residents.Resident resident;
    private WebSession web;

    @BeforeEach
    void aResidentWithASheet() {
        patient = residents.patientAt(port, FacilityKind.HOSPITAL, "コウゲキタカラ");
        resident = residents.register(patient.personId());
        web = residents.logIn(port, resident);
        web.get("/phr/emergency-sheet/edit");
        assertThat(web.post("/phr/emergency-sheet", "allergy[0].substance", "ペニシリンＸ", "paperLocation", "冷蔵庫")
                .statusCode()).isEqualTo(302);
    }

    @Test
    void breakTheGlassReadsTheSheetButNeverEntersIt() {
        Facility er = accounts.newHospital();
        var user = accounts.memberOf(er, Profession.DOCTOR);
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.EMERGENCY),
                accounts.networkAdmin().id(), patient.facility().id());
        consents.openEmergency(patient.personId(), user.id(), "意識障害で搬送された", Instant.now().plus(2, ChronoUnit.HOURS));
        WebSession doctor = accounts.signedIn(port, user);

        String tab = doctor.get("/portal/patients/" + patient.personId() + "/notebook?purpose=EMERGENCY").body();
        assertThat(tab).contains("ペニシリンＸ").doesNotContain("id=\"sheet-proxy-entry\"");
        long before = audit.max();
        assertThat(doctor.get("/portal/patients/" + patient.personId() + "/emergency-sheet/edit").statusCode()).isEqualTo(404);
        assertThat(doctor.post("/portal/patients/" + patient.personId() + "/emergency-sheet", "allergy[0].substance", "救急医の書き込み")
                .statusCode()).isEqualTo(404);
        assertThat(audit.forPatient(before, patient.person().regionalId())).hasSize(2).allMatch(r -> r.contains(" DENY "));
        assertThat(web.get("/phr/emergency-sheet").body()).contains("ペニシリンＸ").doesNotContain("救急医の書き込み");
    }

    @Test
    void aBlockedPharmacyAndAGuessedPersonAnswerLikeNobody() {
        long admin = accounts.networkAdmin().id();
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin,
                patient.facility().id());
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        consents.link(patient.personId(), pharmacy.id(), admin);
        consents.block(patient.personId(), pharmacy.id(), admin);
        WebSession pharmacist = accounts.signedIn(port, accounts.memberOf(pharmacy, Profession.PHARMACIST));

        HttpBodies blocked = new HttpBodies(
                pharmacist.post("/portal/patients/" + patient.personId() + "/emergency-sheet", "allergy[0].substance", "卵"),
                pharmacist.post("/portal/patients/" + Long.MAX_VALUE / 3 + "/emergency-sheet", "allergy[0].substance", "卵"));
        assertThat(blocked.first().statusCode()).isEqualTo(404);
        assertThat(blocked.second().statusCode()).isEqualTo(404);
        assertThat(withoutCsrf(blocked.first().body())).as("a blocked facility is told as about nobody")
                .isEqualTo(withoutCsrf(blocked.second().body()));
        String sha = "a".repeat(64);
        assertThat(pharmacist.getBytes("/portal/patients/" + patient.personId() + "/emergency-sheet/photos/" + sha)
                .statusCode()).isEqualTo(404);
        assertThat(web.get("/phr/emergency-sheet").body()).doesNotContain("卵");
    }

    @Test
    void aRevokedProxyFallsBackToTheirOwnNotebookAndTheUseCaseRefusesThem() {
        long childPerson = residents.patientAt(port, patient.facility(), "コウゲキコ").personId();
        Residents.Resident child = residents.register(childPerson);
        web.get("/phr/proxies");
        web.post("/phr/proxies", "loginId", child.account().loginId(), "until", LocalDate.now().plusDays(10).toString());
        WebSession proxy = residents.logIn(port, child);
        proxy.get("/phr/proxies");
        proxy.post("/phr/act-for", "personId", String.valueOf(patient.personId()));
        assertThat(proxy.get("/phr/emergency-sheet").body()).contains("ペニシリンＸ").contains("id=\"proxy-banner\"");

        jdbc.sql("UPDATE proxy_grant SET revoked_at = now() WHERE person_id = ?").param(patient.personId()).update();
        proxy.get("/phr/emergency-sheet/edit");
        proxy.post("/phr/emergency-sheet", "allergy[0].substance", "代理人の書き込み");
        assertThat(proxy.get("/phr/emergency-sheet").body()).doesNotContain("ペニシリンＸ");
        assertThat(web.get("/phr/emergency-sheet").body()).contains("ペニシリンＸ").doesNotContain("代理人の書き込み");
        long before = audit.max();
        assertThat(sheets.save(EmergencySheets.Author.proxy(child.account().id(), "子"), patient.personId(),
                current -> new SheetForm.Read(current, List.of()))).isEmpty();
        assertThat(audit.forPatient(before, patient.person().regionalId()))
                .containsExactly("UPDATE DENY policy.deny.proxyExpired");
    }

    @Test
    void aResidentsSessionCannotUseTheStaffRoutes() {
        assertThat(web.get("/portal/patients/" + patient.personId() + "/emergency-sheet/edit").statusCode()).isEqualTo(403);
        assertThat(web.post("/portal/patients/" + patient.personId() + "/emergency-sheet", "allergy[0].substance", "x")
                .statusCode()).isEqualTo(403);
    }

    private static String withoutCsrf(String body) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }

    private record HttpBodies(HttpResponse<String> first, HttpResponse<String> second) {
    }
}
