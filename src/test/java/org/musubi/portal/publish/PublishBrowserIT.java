package org.musubi.portal.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * In a browser (headless Chromium): a clinic without a system, linked to a patient with the card, publishes a PDF and
 * a short note from the patient's page (手動公開 / Publish), and another facility's doctor finds both on the patient's
 * timeline; a care worker records a visit from a phone (360 px), the page never scrolling sideways.
 */
@MusubiIntegrationTest
@Tag("browser")
class PublishBrowserIT extends NetworkFixtures {

    private static final Dimension PHONE = new Dimension(360, 800);
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aClinicPublishesAPdfAndANoteAndAnotherFacilitysDoctorSeesThemOnTheTimeline() throws Exception {
        Facility hospital = accounts.newHospital();
        long person = linkedConsentedPatientAt(hospital);
        Facility clinic = accounts.newHospital();
        consents.link(person, clinic.id(), accounts.networkAdmin().id());
        User publisher = accounts.memberOf(clinic, Profession.DOCTOR);
        Path pdf = Files.createTempFile("referral", ".pdf");
        Files.write(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        browser = browserAs(publisher);
        browser.open("/portal/patients/" + person);
        browser.clickAndLeave("#publish-link");
        browser.await().until(ExpectedConditions.urlContains("/publish"));
        browser.find("#doc-file").sendKeys(pdf.toAbsolutePath().toString());
        browser.find("#doc-title").sendKeys("紙の紹介状（ブラウザ試験）");
        new Select(browser.find("#doc-kind")).selectByValue("REFERRAL");
        browser.clickAndLeave("#doc-publish");
        browser.await().until(ExpectedConditions.urlContains("published"));
        browser.find("#note-diagnosis-1").sendKeys("高血圧症（ブラウザ試験）");
        browser.find("#note-allergies").sendKeys("ヨード造影剤");
        browser.find("#note-medicines").sendKeys("アムロジピン 5mg 1日1回");
        // the page before already says "published" in its address: wait for it to go first
        browser.clickAndLeave("#note-publish");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("publish-history")));
        assertThat(browser.findAll("#publish-history li.publication")).hasSize(4);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.close();

        browser = browserAs(accounts.memberOf(hospital, Profession.DOCTOR));
        browser.open("/portal/patients/" + person);
        String timeline = browser.source();
        assertThat(timeline).contains("紙の紹介状（ブラウザ試験）").contains("高血圧症（ブラウザ試験）");
        Files.deleteIfExists(pdf);
    }

    @Test
    void aCareWorkerRecordsAVisitOnAPhone() {
        Facility hospital = accounts.newHospital();
        long person = linkedConsentedPatientAt(hospital);
        Facility office = accounts.facilityOf(FacilityKind.CARE_FACILITY);
        consents.link(person, office.id(), accounts.networkAdmin().id());

        browser = Chromium.start(port);
        browser.resize(PHONE);
        browser.logIn(accounts.memberOf(office, Profession.CARE_WORKER), org.musubi.testing.TestAccounts.PASSWORD,
                accounts::nextCode);
        browser.open("/portal/patients/" + person + "/care-record");
        browser.fitsThePhone("care-record");
        browser.find("#visit-minutes").sendKeys("40");
        browser.find("#service-BODY_CARE").click();
        browser.find("#service-MEDICATION_CHECK").click();
        browser.find("#visit-note").sendKeys("服薬確認済み。食欲あり。");
        browser.find("#visit-save").click();
        browser.await().until(ExpectedConditions.urlContains("saved"));
        assertThat(browser.find("#care-saved").isDisplayed()).isTrue();
        browser.fitsThePhone("care-record-saved");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
