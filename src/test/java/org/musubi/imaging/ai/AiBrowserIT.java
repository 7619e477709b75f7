package org.musubi.imaging.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.proxy.ViewerStudies;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.testing.Chromium;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.OrthancServer;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "An AI finding appears marked as AI" in headless Chromium, in one browser session: a hospital's doctor asks the stub
 * AI service (written for the test, standing in for the outside model: {@link AiStub}) from the study page; the
 * service is sent the study, fetches its first frame through the scoped route and posts its findings; the study page
 * then shows them apart, with the 「AI」 badge, the model's name and version and the notice. Skipped without Orthanc
 * and dcmtk.
 */
@MusubiIntegrationTest
@Tag("browser")
class AiBrowserIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    StudyIndex index;
    @Autowired
    AiTimer timer;
    @Autowired
    AiAdministration administration;

    @Test
    void anAiFindingAppearsMarkedAsAi() throws Exception {
        OrthancServer.sharedOrSkip();
        Facility hospital = accounts.newHospital();
        String localId = FhirRecords.localId();
        String patient = FhirRecords.registerPatient(clients.fhirFor(port, hospital, "system/*.read", "system/*.write"),
                hospital, localId, FhirRecords.uniqueKana());
        ViewerStudies.Made study = ViewerStudies.ct(clients, port, identities, index, hospital, localId, patient, 2);

        try (AiStub stub = AiStub.start(); Chromium browser = browserAs(accounts.memberOf(hospital, Profession.DOCTOR))) {
            long service = stub.register(administration, "StubAI-" + UUID.randomUUID().toString().substring(0, 8), "CT");
            browser.open("/imaging/viewer/studies/" + study.uid());
            assertThat(browser.findAll(".badge.ai")).isEmpty();
            new Select(browser.find("#ai-service")).selectByValue(String.valueOf(service));
            browser.clickAndLeave("#ai-ask-submit");
            assertThat(browser.find("#ai-asked").isDisplayed()).isTrue();

            timer.runNow();
            AiStub.Received request = stub.next();
            assertThat(stub.firstFrame(request)).containsExactly(200, 200, 200);
            assertThat(stub.post(request.callbackUrl(), request.callbackToken(), AiStub.findings(request.workItemId()))
                    .statusCode()).isEqualTo(200);

            browser.open("/imaging/viewer/studies/" + study.uid());
            assertThat(browser.find("#ai-findings .badge.ai").getText()).isEqualTo("AI");
            assertThat(browser.find("#ai-findings .ai-model").getText()).isEqualTo("StubNodule 1.2");
            assertThat(browser.find("#ai-findings .ai-notice").getText()).contains("医師の判断ではありません");
            assertThat(browser.find("#ai-findings .ai-lines").getText()).contains("Nodule").contains("14.5 mm")
                    .contains("87%");
        }
    }
}
