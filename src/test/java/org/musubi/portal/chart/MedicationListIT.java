package org.musubi.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.PharmacyNotebooks;
import org.musubi.testing.PharmacyNotebooks.Dispensed;
import org.musubi.testing.PharmacyNotebooks.Holder;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The medication list (お薬) over HTTP: dispensings imported from two pharmacies' JAHIS files, one
 * list per drug, and a duplicate-medication alert when the same ingredient from different
 * pharmacies overlaps in time (the demo drug master knows the drugs).
 */
@MusubiIntegrationTest
class MedicationListIT {

    private static final DateTimeFormatter JAHIS = DateTimeFormatter.BASIC_ISO_DATE;

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    PharmacyNotebooks notebooks;
    @Autowired
    Consents consents;
    @Autowired
    IdentityStore identities;
    @Autowired
    AuditRows audit;

    @Test
    void theSameIngredientFromTwoPharmaciesOverlappingInTimeIsFlagged() {
        LocalDate today = LocalDate.now(ChartEntry.JAPAN);
        Patient patient = dispensedAtTwoPharmacies(today.minusDays(10), today.minusDays(3));
        WebSession clinic = linkedClinic(patient.personId);
        long before = audit.max();

        HttpResponse<String> list = clinic.get("/portal/patients/" + patient.personId + "/medications");
        HttpResponse<String> timeline = clinic.get("/portal/patients/" + patient.personId);

        assertThat(list.statusCode()).isEqualTo(200);
        String alert = "同一成分の重複";
        assertThat(list.body()).contains("id=\"medication-alerts\"").contains(alert)
                .contains(patient.first.nameKanji()).contains(patient.second.nameKanji());
        String current = list.body().substring(list.body().indexOf("id=\"medications-current\""));
        assertThat(current).contains("アムロジピン錠5mg").contains("重複の可能性").contains("28")
                .contains("テルミサルタン錠40mg");
        assertThat(timeline.body()).contains("id=\"medication-alerts\"").contains(alert);
        assertThat(audit.forPatient(before, patient.regionalId)).containsExactly(
                "READ PERMIT policy.permit.treatmentConsentAndLink", "READ PERMIT policy.permit.treatmentConsentAndLink");
    }

    @Test
    void dispensingsThatFollowEachOtherAreNotDuplicates() {
        LocalDate today = LocalDate.now(ChartEntry.JAPAN);
        // the second supply ended 25 days ago: past the grace period of the current medication (7 days)
        Patient patient = dispensedAtTwoPharmacies(today.minusDays(80), today.minusDays(52));
        WebSession clinic = linkedClinic(patient.personId);

        String body = clinic.get("/portal/patients/" + patient.personId + "/medications").body();

        assertThat(body).doesNotContain("id=\"medication-alerts\"").doesNotContain("同一成分の重複");
        assertThat(body.substring(body.indexOf("id=\"medications-past\""))).contains("アムロジピン錠5mg");
    }

    @Test
    void anUnlinkedFacilitySeesNoMedications() {
        LocalDate today = LocalDate.now(ChartEntry.JAPAN);
        Patient patient = dispensedAtTwoPharmacies(today.minusDays(10), today.minusDays(3));
        WebSession dental = new WebSession(port);
        accounts.logIn(dental, accounts.staff(FacilityKind.DENTAL_CLINIC, Profession.DOCTOR));
        long before = audit.max();

        HttpResponse<String> refused = dental.get("/portal/patients/" + patient.personId + "/medications");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("アムロジピン").doesNotContain(patient.first.nameKanji());
        assertThat(audit.forPatient(before, patient.regionalId)).containsExactly("READ DENY policy.deny.notLinked");
        assertThat(WebSession.location(new WebSession(port).get("/portal/patients/" + patient.personId + "/medications")))
                .isEqualTo("/login");
    }

    private record Patient(long personId, String regionalId, Facility first, Facility second) {
    }

    /** Amlodipine 28 days from each pharmacy (the first also telmisartan), the second starting {@code second}. */
    private Patient dispensedAtTwoPharmacies(LocalDate first, LocalDate second) {
        String kana = "ヤクザイ " + "アイウエオカキクケコ".charAt(ThreadLocalRandom.current().nextInt(10))
                + "アイウエオカキクケコ".charAt(ThreadLocalRandom.current().nextInt(10)) + ThreadLocalRandom.current().nextInt(1000);
        // a name and birth date no other test's patient shares: a look-alike would send the notebook to review
        String given = "花子桃子梅子菊子松子竹子春子夏子秋子冬子".substring(2 * ThreadLocalRandom.current().nextInt(10)).substring(0, 2);
        Holder holder = new Holder("薬剤 " + given, kana, "2",
                LocalDate.of(1930, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000)).format(JAHIS));
        Facility a = notebooks.pharmacy("本通り薬局" + ThreadLocalRandom.current().nextInt(1000));
        Facility b = notebooks.pharmacy("駅前薬局" + ThreadLocalRandom.current().nextInt(1000));
        notebooks.send(a, holder, new Dispensed(first.format(JAHIS), "アムロジピン錠5mg", "2171022F1020", 28, "中央病院", "1234567"),
                new Dispensed(first.format(JAHIS), "テルミサルタン錠40mg", "2149039F1028", 28, "中央病院", "1234567"));
        notebooks.send(b, holder, new Dispensed(second.format(JAHIS), "アムロジピン錠5mg", "2171022F1020", 28, "中央病院", "1234567"));
        long person = notebooks.personOf(a);
        long admin = accounts.networkAdmin().id();
        notebooks.samePerson(b, person, admin);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, a.id());
        consents.link(person, accounts.facilityOf(FacilityKind.CLINIC).id(), admin);
        return new Patient(person, identities.person(person).orElseThrow().person().regionalId(), a, b);
    }

    private WebSession linkedClinic(long personId) {
        WebSession web = new WebSession(port);
        accounts.logIn(web, accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR));
        return web;
    }
}
