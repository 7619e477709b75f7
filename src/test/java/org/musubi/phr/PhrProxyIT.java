package org.musubi.phr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 代理人 over real HTTP: a resident appoints a family member's notebook account as proxy; the proxy sees the resident's
 * notebook (with a banner saying whose) and every read names the proxy as actor and the resident as patient, with the
 * permit proxyAccess; the resident sees the proxy's views in their log; once revoked or ended the policy refuses the
 * proxy; a resident cannot revoke another person's grant; staff never act for anyone.
 */
@MusubiIntegrationTest
class PhrProxyIT extends ResidentFixtures {

    @Autowired
    MyMedicines medicines;

    @Test
    void aProxySeesTheResidentsNotebookUntilTheGrantIsRevokedOrEnds() {
        Residents.Patient motherPatient = residents.patientAt(port, FacilityKind.PHARMACY, "ダイリモト");
        long mother = motherPatient.personId();
        MedicationDispense dispense = new MedicationDispense()
                .setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED)
                .setSubject(motherPatient.reference())
                .setMedication(new CodeableConcept(new Coding("http://capstandard.jp/iyaku.info/CodeSystem/YJ-code",
                        "2171022F1020", "アムロジピン錠5mg")))
                .setWhenHandedOverElement(new DateTimeType("2024-04-01"));
        FhirRecords.create(motherPatient.api(), dispense);
        long child = residents.patientAt(port, motherPatient.facility(), "ダイリニン").personId();
        Residents.Resident motherAccount = residents.register(mother);
        Residents.Resident childAccount = residents.register(child);

        WebSession mom = residents.logIn(port, motherAccount);
        mom.get("/phr/proxies");
        mom.post("/phr/proxies", "loginId", childAccount.account().loginId(), "until", LocalDate.now().plusDays(30).toString());
        String proxies = mom.get("/phr/proxies").body();
        assertThat(proxies).contains("data-live=\"true\"");

        WebSession proxy = residents.logIn(port, childAccount);
        assertThat(proxy.get("/phr/proxies").body()).contains("data-person=\"" + mother + "\"");
        proxy.post("/phr/act-for", "personId", String.valueOf(mother));
        long before = audit.max();
        String seen = proxy.get("/phr/medicines").body();
        assertThat(seen).contains("アムロジピン錠5mg").contains("id=\"proxy-banner\"");
        String regional = identities.person(mother).orElseThrow().person().regionalId();
        assertThat(audit.forPatient(before, regional)).containsExactly("READ PERMIT policy.permit.proxyAccess");
        assertThat(audit.since(before, childAccount.account().loginId())).containsExactly("READ PERMIT policy.permit.proxyAccess");
        assertThat(mom.get("/phr/access-log").body()).as("the resident sees the proxy's view").contains("あなたが指定した代理人");

        long grant = jdbc.sql("SELECT id FROM proxy_grant WHERE person_id = ?").param(mother).query(Long.class).single();
        proxy.post("/phr/proxies/" + grant + "/revoke", "confirmed", "yes");
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM proxy_grant WHERE id = ?").param(grant).query(Boolean.class)
                .single()).as("the proxy cannot revoke the mother's grant").isTrue();
        mom.get("/phr/proxies");
        // issue 67: one click asks first (the proxy named, what follows) and changes nothing
        assertThat(WebSession.location(mom.post("/phr/proxies/" + grant + "/revoke")))
                .isEqualTo("/phr/proxies?confirm=" + grant);
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM proxy_grant WHERE id = ?").param(grant).query(Boolean.class)
                .single()).as("not revoked without the confirmation").isTrue();
        assertThat(mom.get("/phr/proxies?confirm=" + grant).body())
                .contains("<details class=\"confirm\" id=\"revoke-" + grant + "\" open=\"open\">")
                .contains("を代理人から外します。外すと、").contains("name=\"confirmed\" value=\"yes\"");
        mom.post("/phr/proxies/" + grant + "/revoke", "confirmed", "yes");
        String after = proxy.get("/phr/medicines").body();
        assertThat(after).as("back to the proxy's own notebook").doesNotContain("アムロジピン").doesNotContain("proxy-banner");
        long beforeDirect = audit.max();
        assertThat(medicines.read(childAccount.account().id(), mother)).as("the policy itself refuses").isEmpty();
        assertThat(audit.forPatient(beforeDirect, regional)).containsExactly("READ DENY policy.deny.proxyExpired");

        jdbc.sql("INSERT INTO proxy_grant (person_id, proxy_user_id, granted_by, valid_to) VALUES (?, ?, ?, now() - interval '1 minute')")
                .params(mother, childAccount.account().id(), motherAccount.account().id()).update();
        proxy.get("/phr/proxies");
        proxy.post("/phr/act-for", "personId", String.valueOf(mother));
        assertThat(proxy.get("/phr/medicines").body()).as("an ended grant").doesNotContain("アムロジピン");
    }

    @Test
    void appointingNeedsAnotherResidentsAccountAndAnEndDateAndStaffNeverActForAnyone() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "ダイリナシ");
        Facility hospital = patient.facility();
        long person = patient.personId();
        Residents.Resident resident = residents.register(person);
        WebSession web = residents.logIn(port, resident);
        web.get("/phr/proxies");
        web.post("/phr/proxies", "loginId", resident.account().loginId(), "until", LocalDate.now().plusDays(3).toString());
        assertThat(web.get("/phr/proxies").body()).contains("data-key=\"proxy.unknownAccount\"");
        web.post("/phr/proxies", "loginId", accounts.networkAdmin().loginId(), "until", LocalDate.now().plusDays(3).toString());
        assertThat(web.get("/phr/proxies").body()).as("staff accounts are no proxies").contains("data-key=\"proxy.unknownAccount\"");
        assertThat(jdbc.sql("SELECT count(*) FROM proxy_grant WHERE person_id = ?").param(person).query(Long.class).single())
                .isZero();

        Residents.Resident family = residents.register(residents.patientAt(port, hospital, "ダイリカゾク").personId());
        WebSession office = new WebSession(port);
        User admin = accounts.networkAdmin();
        accounts.logIn(office, admin);
        office.get("/admin/persons/" + person);
        long before = audit.max();
        office.post("/admin/persons/" + person + "/proxies", "loginId", family.account().loginId(), "until",
                LocalDate.now().plusYears(1).toString());
        assertThat(jdbc.sql("SELECT count(*) FROM proxy_grant WHERE person_id = ? AND proxy_user_id = ? AND granted_by = ?")
                .params(person, family.account().id(), admin.id()).query(Long.class).single())
                .as("the operator appointed the proxy").isEqualTo(1);
        assertThat(audit.forPatient(before, identities.person(person).orElseThrow().person().regionalId()))
                .singleElement().asString().startsWith("PROXY_GRANT PERMIT proxy user " + family.account().id());
        assertThat(residents.logIn(port, family).get("/phr/proxies").body()).contains("data-person=\"" + person + "\"");

        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        doctor.get("/");
        assertThat(doctor.post("/phr/act-for", "personId", String.valueOf(person)).statusCode()).isEqualTo(403);
        assertThat(doctor.get("/phr/proxies").statusCode()).isEqualTo(403);
    }
}
