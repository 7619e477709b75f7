package org.musubi.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facilities;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 48's "done when" in headless Chromium: a municipality whose influenza-like illness rises over the last days, as
 * the demo makes it ({@link SurveillanceDemo#counts}); the public-health officer opens the dashboard and sees the alert
 * for that municipality and syndrome, with its chart; a hospital's nurse enters today's counts on her phone.
 */
@MusubiIntegrationTest
@Tag("browser")
class SurveillanceBrowserIT extends NetworkFixtures {

    @Autowired
    SurveillanceDemo demo;
    @Autowired
    Surveillance surveillance;
    @Autowired
    Facilities facilities;
    @Autowired
    FacilityProfiles profiles;
    private Chromium officerBrowser;
    private Chromium nurseBrowser;

    @AfterEach
    void stopBrowsers() {
        for (Chromium browser : new Chromium[] {officerBrowser, nurseBrowser}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void theOfficerSeesTheAlertOfTheRisingMunicipality() {
        SurveillanceRegion region = SurveillanceRegion.make(accounts, facilities, profiles);
        demo.counts(region.hospitalIds(), region.municipality(), surveillance.today(), 48);
        User officer = accounts.memberOf(region.office(), Profession.PUBLIC_HEALTH_NURSE);

        officerBrowser = browserAs(officer);
        officerBrowser.open("/surveillance/dashboard");

        String alert = "#surveillance-alert li[data-municipality='" + region.municipality() + "']";
        String rising = alert + "[data-syndrome='" + SurveillanceDemo.RISING + "']";
        assertThat(officerBrowser.findAll(rising)).hasSize(1);
        assertThat(officerBrowser.find(rising).getText()).contains(region.municipality(), "インフルエンザ様疾患");
        assertThat(officerBrowser.find("#surveillance-table tr[data-municipality='" + region.municipality()
                + "'][data-syndrome='" + SurveillanceDemo.RISING + "'] td.alert")).isNotNull();
        assertThat(officerBrowser.findAll("figure svg")).isNotEmpty();
        assertThat(officerBrowser.consoleErrors()).isEmpty();

        nurseBrowser = browserAs(accounts.memberOf(region.hospitals().getFirst(), Profession.NURSE));
        nurseBrowser.resize(new org.openqa.selenium.Dimension(360, 740));
        nurseBrowser.open("/surveillance");
        nurseBrowser.fitsThePhone("surveillance form");
        nurseBrowser.find("#count-GASTROENTERITIS").clear();
        nurseBrowser.find("#count-GASTROENTERITIS").sendKeys("4");
        nurseBrowser.clickAndLeave("#surveillance-send");
        assertThat(nurseBrowser.driver().findElements(By.id("surveillance-saved"))).hasSize(1);
        assertThat(surveillance.reported(region.hospitals().getFirst().id(), surveillance.today()))
                .containsEntry("GASTROENTERITIS", 4);
    }
}
