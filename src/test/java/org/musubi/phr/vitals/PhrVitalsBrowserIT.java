package org.musubi.phr.vitals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.identity.cards.IssueCard;
import org.musubi.phr.Residents;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident on a phone (headless Chromium, 360×800) records vital signs twice from the notebook's menu, sees the
 * latest values and the weight chart drawn (a canvas with two points, from the WebJar's Chart.js under the strict CSP:
 * no console errors) and the blood-pressure chart with its two lines, and is refused an impossible value by name;
 * no page scrolls sideways.
 */
@MusubiIntegrationTest
@Tag("browser")
class PhrVitalsBrowserIT {

    private static final Dimension PHONE = new Dimension(360, 800);

    @LocalServerPort
    int port;
    @Autowired
    IssueCard cards;
    @Autowired
    Residents residents;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aResidentRecordsVitalsOnAPhoneAndSeesTheChart() {
        Residents.Resident resident = residents.register(
                residents.patientAt(port, FacilityKind.HOSPITAL, "スマホ").personId());
        browser = Chromium.start(port);
        browser.resize(PHONE);
        logIn(resident);

        browser.find("#menu-vitals").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/vitals"));
        assertThat(browser.findAll("#vitals-empty")).hasSize(1);
        browser.fitsThePhone("vitals-empty");
        enter(VitalsForms.ago(60 * 24 * 3), "#weight", "66.0", "#height", "165.0", "#systolic", "126", "#diastolic", "80");
        assertThat(browser.find("#saved").getText()).contains("4");
        enter(VitalsForms.ago(30), "#weight", "65.4", "#systolic", "121", "#diastolic", "78", "#pulse", "70");
        assertThat(browser.find("li[data-vital='weight'] .latest-value").getText()).contains("65.4");
        assertThat(browser.find("li[data-vital='bmi'] .latest-value").getText()).as("65.4 kg at 165 cm").contains("24.0");
        browser.fitsThePhone("vitals");

        browser.find("#chart-weight").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/vitals/weight"));
        browser.find("a[data-range='month']").click();
        browser.await().until(ExpectedConditions.urlContains("range=month"));
        assertThat(browser.findAll("canvas#vitals-chart")).hasSize(1);
        assertThat(drawnPoints()).as("the chart drew both weights").isEqualTo(2L);
        assertThat(browser.findAll("#vitals-values tbody tr")).hasSize(2);
        browser.fitsThePhone("vitals-chart");

        browser.open("/phr/vitals/blood-pressure?range=week");
        assertThat(browser.script("return Chart.getChart(document.getElementById('vitals-chart')).data.datasets.length"))
                .as("systolic and diastolic").isEqualTo(2L);
        browser.fitsThePhone("vitals-blood-pressure");

        browser.open("/phr/vitals");
        enter(VitalsForms.ago(5), "#temperature", "46.1");
        assertThat(browser.find("#faults li[data-field='temperature']").getText()).contains("体温");
        browser.fitsThePhone("vitals-refused");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void logIn(Residents.Resident resident) {
        browser.open("/phr/login");
        browser.find("#username").sendKeys(resident.account().loginId());
        browser.find("#password").sendKeys(Residents.PASSWORD);
        browser.find("#login-form button").click();
        browser.await().until(ExpectedConditions.urlContains("/login/second-factor"));
        browser.find("#code").sendKeys(residents.nextCode(resident.account().id(), resident.totpSecret()));
        browser.find("#code-form button").click();
        browser.await().until(ExpectedConditions.urlMatches(".*/phr$"));
    }

    /** Fills the quick-entry form (the moment, then field and value pairs) and sends it. */
    private void enter(String when, String... fieldsAndValues) {
        browser.script("arguments[0].value = arguments[1]", browser.find("#when"), when);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            browser.find(fieldsAndValues[i]).sendKeys(fieldsAndValues[i + 1]);
        }
        WebElement form = browser.find("#vitals-form");
        browser.script("arguments[0].requestSubmit()", form);
        browser.awaitGone(form);
        browser.find("#vitals-form");
    }

    private Object drawnPoints() {
        return browser.script("var chart = Chart.getChart(document.getElementById('vitals-chart'));"
                + " return chart ? chart.getDatasetMeta(0).data.length : -1;");
    }

}
