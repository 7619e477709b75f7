package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 6 in a real browser, the other side: a doctor of a facility the patient is not linked to is
 * refused on every page of the viewer and sees nothing of the patient; break-the-glass (reason and
 * password) opens the emergency view under its banner; each step leaves its audit row.
 */
@MusubiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class PortalRefusalBrowserIT extends NetworkFixtures {

    private static final String NOT_LINKED = "READ DENY policy.deny.notLinked";

    @Autowired
    IdentityStore identities;

    private Chromium browser;
    private Facility hospital;
    private IGenericClient hospitalApi;
    private User dentist;

    @BeforeAll
    void aDoctorOfAnUnlinkedDentalClinicSignedIn() {
        browser = Chromium.start(port);
        hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        dentist = accounts.staff(FacilityKind.DENTAL_CLINIC, Profession.DOCTOR);
        browser.logIn(dentist, TestAccounts.PASSWORD, accounts::nextCode);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anUnlinkedFacilityIsRefusedOnEveryPageAndSeesNoPatientData() {
        Person patient = patientWithRecords("拒否", "花子");
        long id = personIdOf(patient);
        long before = audit.max();

        for (String page : new String[] {"", "/medications", "/labs", "/labs/trend?analyte=3D046"}) {
            browser.open("/portal/patients/" + id + page);
            assertThat(browser.find("#denied-reason").getText()).as(page).contains("カードを提示");
            assertThat(browser.source()).as(page).doesNotContain("policy.deny");
            assertThat(browser.source()).as(page).doesNotContain("拒否", "花子", patient.familyKana(), patient.givenKana(),
                    patient.regionalId(), "胃炎", "ペニシリン", "HbA1c", "8.1", "アレルギー");
            assertThat(browser.findAll("#patient-header, #timeline, #lab-table, canvas")).as(page).isEmpty();
            if (page.isEmpty()) {
                browser.screenshot("portal-refused");
            }
        }
        assertThat(audit.forPatient(before, patient.regionalId())).containsExactly(NOT_LINKED, NOT_LINKED, NOT_LINKED,
                NOT_LINKED);
        assertThat(browser.consoleErrors()).as("only the refusals' own status, no script or CSP error")
                .allMatch(error -> error.endsWith("status of 404 ()"));
    }

    @Test
    void breakTheGlassOpensTheEmergencyViewUnderItsBannerAndIsAudited() {
        Person patient = patientWithRecords("救急", "一郎");
        long id = personIdOf(patient);
        long before = audit.max();
        browser.open("/portal/patients/" + id);

        browser.find("#break-glass").click();
        browser.await().until(ExpectedConditions.urlContains("/portal/emergency"));
        browser.find("#kanaName").sendKeys(patient.familyKana() + " " + patient.givenKana());
        browser.script("arguments[0].value = arguments[1]", browser.find("#birthDate"), patient.birthDate().toString());
        new Select(browser.find("#sex")).selectByValue(patient.sex().name());
        browser.screenshot("portal-emergency-find");
        browser.find("#emergency-find-form button[type=submit]").click();
        browser.await().until(ExpectedConditions.urlContains("/portal/emergency/open"));
        assertThat(browser.find("#emergency-person").getText()).contains(patient.familyKana());
        browser.find("#reason").sendKeys("心肺停止で救急搬送（ブラウザ）");
        browser.find("#password").sendKeys(TestAccounts.PASSWORD);
        browser.screenshot("portal-break-the-glass");
        browser.find("#emergency-form button[type=submit]").click();

        browser.await().until(ExpectedConditions.urlContains("purpose=EMERGENCY"));
        assertThat(browser.path()).isEqualTo("/portal/patients/" + id + "?purpose=EMERGENCY");
        assertThat(browser.find("#emergency-banner").isDisplayed()).isTrue();
        assertThat(browser.find("#emergency-banner").getText()).contains("緊急時アクセス（ブレークグラス）で閲覧中です");
        assertThat(browser.find("#access-reason").getText()).contains("緊急時アクセス（ブレークグラス）による閲覧です");
        assertThat(browser.find("#patient-header").getText()).contains("救急 一郎", "ペニシリン系抗菌薬");
        browser.screenshot("portal-emergency-view");
        var rows = audit.forPatient(before, patient.regionalId());
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo(NOT_LINKED);
        assertThat(rows.get(1)).isEqualTo("EMERGENCY_LOOKUP PERMIT name, birth date and sex");
        assertThat(rows.get(2)).startsWith("EMERGENCY_OPEN PERMIT 心肺停止で救急搬送（ブラウザ） (until ");
        assertThat(rows.get(3)).isEqualTo("READ PERMIT policy.permit.emergencyAccess");
        assertThat(browser.consoleErrors()).as("only the first refusal's status, no script or CSP error")
                .allMatch(error -> error.endsWith("status of 404 ()"));
    }

    /** A hospital's patient (over FHIR) with a problem, an allergy and an HbA1c, consenting to treatment and emergency use. */
    private Person patientWithRecords(String family, String given) {
        String localId = FhirRecords.localId();
        hospitalApi.create().resource(FhirRecords.withKanjiName(FhirRecords.newPatient(hospital, localId, "テスト"),
                family, given)).execute();
        long id = clients.personOf(hospital, localId);
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);
        Condition gastritis = new Condition().setSubject(subject).setOnset(new DateTimeType("2024-03-01"));
        gastritis.getCode().addCoding(new Coding("http://medis.or.jp/CodeSystem/master-disease-keyNumber", "20054174", "胃炎"));
        FhirRecords.create(hospitalApi, gastritis);
        AllergyIntolerance penicillin = new AllergyIntolerance().setPatient(subject);
        penicillin.getCode().setText("ペニシリン系抗菌薬");
        penicillin.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", null)));
        FhirRecords.create(hospitalApi, penicillin);
        Observation hba1c = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2024-03-02", 8.1);
        hba1c.getCode().getCodingFirstRep().setDisplay("HbA1c");
        FhirRecords.create(hospitalApi, hba1c);
        consents.grant(id, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY),
                accounts.networkAdmin().id(), hospital.id());
        return identities.person(id).orElseThrow().person();
    }

    private long personIdOf(Person patient) {
        return identities.personByRegionalId(patient.regionalId()).orElseThrow().id();
    }
}
