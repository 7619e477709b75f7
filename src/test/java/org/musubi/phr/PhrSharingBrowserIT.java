package org.musubi.phr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consent;
import org.musubi.consent.ConsentScope;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.Chromium;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * My sharing in a real browser: on a phone (360×800) the resident goes from the notebook's menu to the page, withdraws
 * a consent through the confirmation page and reads the done message, and no page scrolls sideways; the page fits the
 * desktop too, with no console errors (the CSP allows no inline script or style). Screenshots in target/screenshots.
 */
@MusubiIntegrationTest
@Tag("browser")
class PhrSharingBrowserIT extends ResidentFixtures {

    private static final Dimension PHONE = new Dimension(360, 800);

    @Test
    void aResidentWithdrawsAConsentOnAPhoneThroughTheConfirmationAndThePagesFitPhoneAndDesktop() {
        long operator = accounts.networkAdmin().id();
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, hospital, localId, "スマホ");
        long personId = clients.personOf(hospital, localId);
        Consent consent = consents.grant(personId, ConsentScope.ALL_FACILITIES, null,
                Set.of(Purpose.TREATMENT, Purpose.EMERGENCY), operator, hospital.id());
        consents.link(personId, accounts.facilityOf(FacilityKind.CLINIC).id(), operator);
        Residents.Resident resident = residents.register(personId, cards.regional(operator, personId),
                identities.person(personId).orElseThrow().person().birthDate());

        try (Chromium browser = Chromium.start(port)) {
            browser.resize(PHONE);
            browser.logIn(resident.account(), Residents.PASSWORD, id -> residents.nextCode(id, resident.totpSecret()));
            browser.open("/phr");
            browser.find("#menu-sharing").click();
            browser.find("#phr-sharing");
            assertThat(browser.path()).isEqualTo("/phr/sharing");
            assertThat(sidewaysScroll(browser)).as("the page on a phone").isZero();
            browser.screenshot("phr-sharing-phone");
            browser.scrollTo(browser.find("#block-form"));
            browser.screenshot("phr-sharing-phone-links-and-blocks");

            browser.find("#withdraw-" + consent.id()).click();
            browser.find("#sharing-confirm");
            assertThat(sidewaysScroll(browser)).as("the confirmation on a phone").isZero();
            assertThat(browser.find("#what").getText()).contains("すべての参加施設のデータ");
            browser.screenshot("phr-sharing-confirm-phone");
            browser.find("#confirm").click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));

            assertThat(browser.path()).isEqualTo("/phr/sharing");
            assertThat(browser.find("#done").getText()).contains("同意を撤回しました");
            assertThat(consents.of(personId)).noneMatch(Consent::active);
            browser.resize(Chromium.DESKTOP);
            browser.open("/phr/sharing");
            assertThat(sidewaysScroll(browser)).as("the page on a desktop").isZero();
            browser.screenshot("phr-sharing-desktop");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aResidentSeesAClinicsViewInTheLogBlocksTheClinicOnAPhoneAndItsDoctorIsRefusedOnTheNextPage() {
        long operator = accounts.networkAdmin().id();
        Residents.Patient patient = residents.patientAt(port, FacilityKind.HOSPITAL, "ブロック");
        long personId = patient.personId();
        consents.grant(personId, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), operator,
                patient.facility().id());
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consents.link(personId, clinic.id(), operator);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        assertThat(doctor.get("/portal/patients/" + personId).statusCode()).as("before the block").isEqualTo(200);
        Residents.Resident resident = residents.register(personId);

        try (Chromium browser = Chromium.start(port)) {
            browser.resize(PHONE);
            browser.logIn(resident.account(), Residents.PASSWORD, id -> residents.nextCode(id, resident.totpSecret()));
            browser.open("/phr");
            browser.find("#menu-access-log").click();
            assertThat(browser.find("#access-log").getText()).as("the clinic doctor's view is in the log")
                    .contains(clinic.nameKanji()).contains("医師");
            browser.screenshot("phr-access-log-clinic-view-phone");

            browser.open("/phr/sharing");
            new Select(browser.find("#facilityId")).selectByValue(String.valueOf(clinic.id()));
            browser.find("#block-form button").click();
            browser.find("#sharing-confirm");
            browser.find("#confirm").click();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(sidewaysScroll(browser)).isZero();
            assertThat(browser.consoleErrors()).isEmpty();
        }
        assertThat(doctor.get("/portal/patients/" + personId).statusCode()).as("the very next page after the block")
                .isEqualTo(404);
    }

    private static long sidewaysScroll(Chromium browser) {
        return (Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }
}
