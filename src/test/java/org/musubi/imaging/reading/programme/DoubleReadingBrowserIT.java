package org.musubi.imaging.reading.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * "A double reading reaches its comparison step" in headless Chromium: a hospital's doctor submits a study from the
 * viewer to a screening programme; each of the two readers finds it from the home page, opens the study in the viewer
 * (the first frame drawn through the proxy under the programme's grant) and saves a reading without seeing the other's;
 * the chief then sees both readings side by side and records the final reading, which the hospital sees on its list.
 * Skipped without Orthanc and dcmtk.
 */
@MusubiIntegrationTest
@Tag("browser")
class DoubleReadingBrowserIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    StudyIndex index;
    @Autowired
    CreateProgramme creation;

    @Test
    void aDoubleReadingReachesItsComparisonStep() throws Exception {
        OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        Facility centre = accounts.newHospital();
        User chief = accounts.memberOf(centre, Profession.DOCTOR);
        List<User> pool = List.of(accounts.memberOf(centre, Profession.DOCTOR), accounts.memberOf(centre, Profession.DOCTOR));
        long admin = accounts.networkAdmin().id();
        Programme programme = creation.create(admin, true, "肺がん検診 " + centre.id(), Programme.Kind.CHEST_XRAY,
                "CT", centre.id(), chief.id(), pool.stream().map(User::id).toList()).orElseThrow();
        String localId = FhirRecords.localId();
        String patient = FhirRecords.registerPatient(clients.fhirFor(port, hospital, "system/*.read", "system/*.write"),
                hospital, localId, FhirRecords.uniqueKana());
        ViewerStudies.Made study = ViewerStudies.ct(clients, port, identities, index, hospital, localId, patient, 3);
        long person = clients.personOf(hospital, localId);
        consents.link(person, hospital.id(), admin);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);

        try (Chromium browser = browserAs(doctor)) {
            browser.open("/imaging/viewer/studies/" + study.uid());
            browser.expand("#programme-submit-section summary");
            new Select(browser.find("#programme-choice")).selectByValue(String.valueOf(programme.id()));
            browser.clickAndLeave("#programme-submit-button");
            // the submitted study's line (named by its kind and date, not its UID) opens that study in the viewer
            assertThat(browser.find("#programme-submitted a[href$='/" + study.uid() + "'] .study-label").getText())
                    .startsWith("CT ");
        }

        String[] readings = {"FURTHER_EXAM", "NO_FURTHER_EXAM"};
        for (int i = 0; i < 2; i++) {
            try (Chromium browser = browserAs(pool.get(i))) {
                browser.open("/");
                browser.clickAndLeave("#double-reading-link");
                browser.clickAndLeave("#programme-worklist a.programme-item");
                assertThat(browser.find("#programme-role").getText()).contains("一次読影");
                assertThat(browser.findAll("#programme-readings")).as("blind: no other reading shown").isEmpty();
                String item = browser.path();
                browser.clickAndLeave("#programme-open-viewer");
                browser.await().until(d -> "1".equals(browser.find("#viewer-canvas").getDomAttribute("data-number")));
                assertThat(browser.findAll("#programme-submit-form")).isEmpty();
                browser.open(item);
                browser.find("input[name=category][value=" + readings[i] + "]").click();
                browser.clickAndLeave("#programme-submit");
                assertThat(browser.path()).startsWith("/imaging/double");
            }
        }

        try (Chromium browser = browserAs(chief)) {
            browser.open("/");
            browser.clickAndLeave("#double-reading-link");
            browser.clickAndLeave("#programme-worklist a.programme-item");
            assertThat(browser.find("#programme-role").getText()).contains("比較読影");
            assertThat(browser.find("#first-reading").getText()).isEqualTo("要精検");
            assertThat(browser.find("#second-reading").getText()).isEqualTo("精検不要");
            browser.find("input[name=category][value=FURTHER_EXAM]").click();
            browser.find("#programme-comment").sendKeys("要精検とする");
            browser.clickAndLeave("#programme-submit");
            assertThat(browser.source()).contains("最終判定を登録しました");
        }

        try (Chromium browser = browserAs(doctor)) {
            browser.open("/imaging/double/submitted");
            assertThat(browser.find("#programme-submitted td.final").getText()).isEqualTo("要精検");
        }
    }
}
