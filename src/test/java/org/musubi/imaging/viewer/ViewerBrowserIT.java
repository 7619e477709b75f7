package org.musubi.imaging.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The viewer (Cornerstone3D) in headless Chromium: a doctor of the hospital opens its patient's CT study, the first
 * frame is drawn, scrolling with the keys, the slider and the wheel draws other frames (another instance, other
 * pixels), a window/level drag changes the window and the pixels, a length is measured in millimetres, no script or
 * CSP error is logged, and the whole session leaves one audit row for the study.
 */
@MusubiIntegrationTest
@Tag("browser")
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
            // the archive's rendering of the first image was on screen first, through the proxy, and is gone now
            WebElement preview = browser.find("#viewer-preview");
            assertThat(preview.getDomAttribute("src")).endsWith("/imaging/dicomweb/studies/" + study.uid() + "/series/"
                    + study.dicom().seriesUid(1) + "/instances/" + study.dicom().instanceUid(1, 1) + "/rendered");
            assertThat(browser.script("return document.getElementById('viewer-preview').naturalWidth"))
                    .isEqualTo(64L);
            browser.await().until(d -> browser.find("#viewer-canvas").getDomAttribute("data-preview-drawn-ms") != null);
            assertThat(preview.isDisplayed()).isFalse();
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
            WebElement viewport = browser.find("#viewer-canvas");
            // the wheel scrolls through Cornerstone3D's stack scroll tool
            String last = pixels(browser);
            new Actions(browser.driver()).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(viewport), 0, -120)
                    .perform();
            browser.await().until(d -> !"20".equals(viewport.getDomAttribute("data-number")));
            assertThat(pixels(browser)).isNotEqualTo(last);
            // window/level: a drag with the default tool changes the window shown and the pixels drawn
            String window = browser.find("#viewer-wl").getText();
            assertThat(window).startsWith("W ");
            String unwindowed = pixels(browser);
            new Actions(browser.driver()).moveToElement(viewport).clickAndHold().moveByOffset(80, 60).release()
                    .perform();
            browser.await().until(d -> !window.equals(browser.find("#viewer-wl").getText()));
            assertThat(pixels(browser)).isNotEqualTo(unwindowed);
            // a length measured in millimetres (the CT's PixelSpacing)
            browser.find("input[name=tool][value=length]").click();
            new Actions(browser.driver()).moveToElement(viewport, -60, 0).clickAndHold().moveByOffset(120, 0)
                    .release().perform();
            browser.await().until(d -> browser.find("#viewer-length").getText().endsWith(" mm"));
            browser.screenshot("imaging-viewer-cornerstone");
            assertThat(browser.consoleErrors()).isEmpty();
            List<AuditRows.Row> rows = audit.rows(before, doctor.loginId()).stream()
                    .filter(r -> "ImagingStudy".equals(r.resourceType())).toList();
            assertThat(rows).hasSize(1);
        }
    }

    /**
     * Studies stored compressed (lossless JPEG by dcmtk's dcmcjpeg, JPEG-LS by dcmcjpls) are fetched as stored and
     * decoded in the browser by the image loader's worker — JPEG-LS by its CharLS WASM codec, which the viewer page's
     * CSP lets compile — and drawn, frame after frame, without a console error.
     */
    @Test
    void compressedStudiesAreDecodedInTheBrowser() throws Exception {
        OrthancServer.sharedOrSkip();
        for (String compressor : List.of("/usr/bin/dcmcjpeg", "/usr/bin/dcmcjpls")) {
            Facility hospital = accounts.newHospital();
            String localId = FhirRecords.localId();
            String patient = FhirRecords.registerPatient(clients.fhirFor(port, hospital, "system/*.read",
                    "system/*.write"), hospital, localId, FhirRecords.uniqueKana());
            // indexed without its first image (as before V83), so that the page usually names none and the viewer
            // finds it from the archive's lists; the change feed (every 5 s) may index the study again before the page
            // opens and name it: either way every frame must be drawn
            ViewerStudies.Made study = ViewerStudies.ct(clients, port, identities, index, hospital, localId, patient,
                    3, compressor, false);
            try (Chromium browser = browserAs(accounts.memberOf(hospital, Profession.DOCTOR))) {
                browser.open("/imaging/viewer/studies/" + study.uid());
                drawn(browser, "1", compressor);
                String first = pixels(browser);
                browser.find("#viewer-canvas").sendKeys(Keys.ARROW_DOWN);
                drawn(browser, "2", compressor);
                assertThat(pixels(browser)).as(compressor).isNotEqualTo(first);
                assertThat(browser.find("#viewer-canvas").getDomAttribute("data-drawn"))
                        .isEqualTo(study.dicom().instanceUid(1, 2));
                assertThat(browser.consoleErrors()).as(compressor).isEmpty();
            }
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

    /** Waits until image {@code number} is drawn; if it is not, fails saying what the page and its console said. */
    private static void drawn(Chromium browser, String number, String study) {
        try {
            browser.await().until(d -> number.equals(browser.find("#viewer-canvas").getDomAttribute("data-number")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(study + ": image " + number + " not drawn; status '"
                    + browser.find("#viewer-status").getText() + "', console " + browser.driver().manage().logs()
                    .get(org.openqa.selenium.logging.LogType.BROWSER).getAll(), e);
        }
    }

    /** A digest of the pixels Cornerstone3D's canvas (inside the viewport element) shows now. */
    private static String pixels(Chromium browser) {
        return String.valueOf(browser.script("const c = document.querySelector('#viewer-canvas canvas');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let h = 0; for (let i = 0; i < d.length; i += 4) { h = (h * 31 + d[i]) | 0; } return h;"));
    }
}
