package org.musubi.imaging.reading.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.proxy.ViewerStudies;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.OrthancServer;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "A reading is requested, reported and returned" in headless Chromium: a hospital's doctor requests a reading of a CT
 * study from the viewer page; a reading centre's doctor finds it on the worklist, claims it, opens the study in the
 * viewer (the first frame drawn through the proxy under the grant) and writes the report; the requester finds the
 * report from the home page, reads it and acknowledges it. Skipped without Orthanc and dcmtk.
 */
@MusubiIntegrationTest
@Tag("browser")
class ReadingBrowserIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    StudyIndex index;

    @Test
    void aReadingIsRequestedReportedAndReturned() throws Exception {
        OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        Facility centre = accounts.newHospital();
        ReadingFixtures.centre(jdbc, centre, "CT");
        String localId = FhirRecords.localId();
        String patient = FhirRecords.registerPatient(clients.fhirFor(port, hospital, "system/*.read", "system/*.write"),
                hospital, localId, FhirRecords.uniqueKana());
        ViewerStudies.Made study = ViewerStudies.ct(clients, port, identities, index, hospital, localId, patient, 5);
        long person = clients.personOf(hospital, localId);
        long admin = accounts.networkAdmin().id();
        consents.link(person, hospital.id(), admin);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        User reader = accounts.memberOf(centre, Profession.DOCTOR);

        try (Chromium browser = browserAs(doctor)) {
            browser.open("/imaging/viewer/studies/" + study.uid());
            browser.expand("#reading-request summary");
            new Select(browser.find("#reading-centre")).selectByValue(String.valueOf(centre.id()));
            browser.find("#reading-question").sendKeys("胸部CT: 右上葉の結節の評価をお願いします");
            browser.script("document.getElementById('reading-due').value = arguments[0];",
                    LocalDate.now().plusDays(3).toString());
            browser.clickAndLeave("#reading-request-submit");
            assertThat(browser.find("#reading-requested").isDisplayed()).isTrue();
            assertThat(browser.find("#reading-item").getDomAttribute("data-status")).isEqualTo("REQUESTED");
        }

        try (Chromium browser = browserAs(reader)) {
            browser.open("/");
            browser.clickAndLeave("#reading-worklist-link");
            assertThat(browser.find("#reading-worklist").getText()).contains("右上葉の結節");
            browser.clickAndLeave("#reading-worklist a.reading-item");
            browser.clickAndLeave("#reading-claim");
            assertThat(browser.find("#reading-item").getDomAttribute("data-status")).isEqualTo("CLAIMED");
            String item = browser.path().replaceAll("\\?.*", "");
            browser.clickAndLeave("#reading-open-viewer");
            browser.await().until(d -> "1".equals(browser.find("#viewer-canvas").getDomAttribute("data-number")));
            assertThat(browser.findAll("#reading-request-form")).isEmpty();
            browser.open(item);
            browser.find("#reading-findings").sendKeys("右上葉に径12mmの充実性結節。");
            browser.find("#reading-impression").sendKeys("肺癌の疑い。気管支鏡検査を推奨。");
            browser.clickAndLeave("#reading-report-submit");
            assertThat(browser.find("#reading-reported").isDisplayed()).isTrue();
            assertThat(browser.find("#reading-item").getDomAttribute("data-status")).isEqualTo("REPORTED");
        }

        try (Chromium browser = browserAs(doctor)) {
            browser.open("/");
            assertThat(browser.find("#reading-reported").getDomAttribute("data-waiting")).isEqualTo("1");
            browser.clickAndLeave("#reading-reported-link");
            browser.clickAndLeave("#reading-requests a");
            assertThat(browser.find("#reading-report-impression").getText()).isEqualTo("肺癌の疑い。気管支鏡検査を推奨。");
            assertThat(browser.find("#reading-report-findings").getText()).contains("径12mmの充実性結節");
            browser.clickAndLeave("#reading-acknowledge");
            assertThat(browser.find("#reading-item").getDomAttribute("data-status")).isEqualTo("RETURNED");
            browser.open("/");
            assertThat(browser.findAll("#reading-reported")).isEmpty();
        }
    }
}
