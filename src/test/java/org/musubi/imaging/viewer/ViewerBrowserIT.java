package org.musubi.imaging.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.proxy.ViewerStudies;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.Chromium;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.OrthancServer;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The viewer in headless Chromium: a doctor of the hospital opens its patient's CT study, the first frame is drawn,
 * scrolling with the keys and the slider draws other frames (another instance, other pixels), and the whole session
 * leaves one audit row for the study.
 */
@MusubiIntegrationTest
class ViewerBrowserIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    StudyIndex index;

    @Test
    void aDoctorOpensAStudyAndScrollsItsFrames() throws Exception {
        OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        String localId = FhirRecords.localId();
        String patient = FhirRecords.registerPatient(clients.fhirFor(port, hospital, "system/*.read", "system/*.write"),
                hospital, localId, FhirRecords.uniqueKana());
        ViewerStudies.Made study = ViewerStudies.ct(clients, port, identities, index, hospital, localId, patient, 20);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        try (Chromium browser = browserAs(doctor)) {
            long before = audit.max();
            browser.open("/imaging/viewer/studies/" + study.uid());
            browser.await().until(d -> "1".equals(browser.find("#viewer-canvas").getDomAttribute("data-number")));
            assertThat(browser.findAll("#viewer-series .viewer-thumbnail img")).hasSize(1);
            String first = browser.find("#viewer-canvas").getDomAttribute("data-drawn");
            String firstPixels = pixels(browser);
            browser.find("#viewer-canvas").sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
            browser.await().until(d -> "4".equals(browser.find("#viewer-canvas").getDomAttribute("data-number")));
            assertThat(browser.find("#viewer-canvas").getDomAttribute("data-drawn")).isNotEqualTo(first);
            assertThat(browser.find("#viewer-frame").getText()).contains("4").contains("20");
            assertThat(pixels(browser)).isNotEqualTo(firstPixels);
            for (int n = 5; n <= 20; n++) {
                browser.script("const s = document.getElementById('viewer-slider'); s.value = arguments[0];"
                        + " s.dispatchEvent(new Event('input'));", String.valueOf(n));
                int shown = n;
                browser.await().until(d -> String.valueOf(shown).equals(
                        browser.find("#viewer-canvas").getDomAttribute("data-number")));
            }
            assertThat(browser.consoleErrors()).isEmpty();
            List<AuditRows.Row> rows = audit.rows(before, doctor.loginId()).stream()
                    .filter(r -> "ImagingStudy".equals(r.resourceType())).toList();
            assertThat(rows).hasSize(1);
        }
    }

    /** The way in: the patient's timeline links the indexed study to its viewer page, and the link opens it. */
    @Test
    void theTimelineLinksAnIndexedStudyToTheViewer() throws Exception {
        OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        String localId = FhirRecords.localId();
        String patient = FhirRecords.registerPatient(clients.fhirFor(port, hospital, "system/*.read", "system/*.write"),
                hospital, localId, FhirRecords.uniqueKana());
        ViewerStudies.Made study = ViewerStudies.ct(clients, port, identities, index, hospital, localId, patient, 3);
        long person = identities.personOf(study.sourcePatientId()).orElseThrow();
        consents.link(person, hospital.id(), accounts.networkAdmin().id());
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        try (Chromium browser = browserAs(doctor)) {
            browser.open("/portal/patients/" + person);
            String href = browser.find("a.open-viewer").getDomAttribute("href");
            assertThat(href).endsWith("/imaging/viewer/studies/" + study.uid());
            browser.find("a.open-viewer").findElement(org.openqa.selenium.By.xpath("ancestor::details/summary")).click();
            browser.find("a.open-viewer").click();
            browser.await().until(d -> "1".equals(browser.find("#viewer-canvas").getDomAttribute("data-number")));
        }
    }

    /** A digest of the canvas' pixels as drawn now. */
    private static String pixels(Chromium browser) {
        return String.valueOf(browser.script("const c = document.getElementById('viewer-canvas');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let h = 0; for (let i = 0; i < d.length; i += 4) { h = (h * 31 + d[i]) | 0; } return h;"));
    }
}
