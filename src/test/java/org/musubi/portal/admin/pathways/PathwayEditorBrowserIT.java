package org.musubi.portal.admin.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.carenet.catalog.TemplateStore;
import org.musubi.pathway.PathwayCatalog;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.registry.Administrator;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The template editor in headless Chromium: an operator makes a new version of the stroke template, adds an item to
 * its maintenance stage, gives it its English and makes it required, and publishes; the catalog's current stroke
 * template is the new version with the item, the earlier version is still read by its number without it; a patient
 * enrolled before keeps the earlier version, one enrolled after has the new one (and keeps it once it is retired). The
 * new version is retired at the end, so that stroke's current version is the earlier one again for other tests.
 */
@MusubiIntegrationTest
@Tag("browser")
class PathwayEditorBrowserIT extends NetworkFixtures {

    @Autowired
    PathwayCatalog catalog;
    @Autowired
    TemplateStore store;
    @Autowired
    org.musubi.carenet.enrolment.Pathways pathways;
    private Chromium browser;
    private int made;

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            browser.close();
        }
        if (made > 0 && catalog.current("stroke").map(t -> t.version().equals(String.valueOf(made))).orElse(false)) {
            store.retire(Administrator.of(accounts.networkAdmin()), "stroke", made);
        }
    }

    @Test
    void anOperatorPublishesANewVersionOfTheStrokeTemplateWithAnAddedItem() {
        User operator = accounts.networkAdmin();
        String old = catalog.current("stroke").orElseThrow().version();
        org.musubi.registry.Facility hospital = accounts.facilityOf(org.musubi.registry.FacilityKind.HOSPITAL);
        org.musubi.record.Reader doctor = new org.musubi.record.Reader(
                accounts.memberOf(hospital, org.musubi.registry.Profession.DOCTOR).id(), hospital.id());
        var before = pathways.enrol(doctor, linkedConsentedPatientAt(hospital), "stroke", java.util.Map.of())
                .orElseThrow();
        browser = Chromium.start(port);
        browser.logIn(operator, TestAccounts.PASSWORD, accounts::nextCode);

        browser.open("/admin/pathways");
        browser.find("tr[data-template='stroke'] button.new-version").click();
        browser.await().until(ExpectedConditions.attributeToBe(By.id("pathway-status"), "data-status", "DRAFT"));
        made = Integer.parseInt(browser.path().replaceFirst(".*/stroke/", ""));
        assertThat(made).isGreaterThan(Integer.parseInt(old));
        browser.find("tr[data-stage='maintenance'] a.stage-link").click();
        browser.find("#item-add #linkId").sendKeys("falls");
        new Select(browser.find("#item-add #type")).selectByValue("boolean");
        browser.find("#item-add #textJa").sendKeys("転倒の有無");
        browser.find("#item-add button[type='submit']").click();
        browser.find("tr[data-item='falls'] a.item-link").click();
        browser.find("#textEn").sendKeys("Falls");
        browser.find("#required").click();
        browser.find("#item-form button[type='submit']").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-item='falls']")));
        assertThat(browser.find("tr[data-item='falls']").getText()).contains("転倒の有無", "Falls", "✓")
                .as("the item's type in words (issue 63)").contains("はい／いいえ").doesNotContain("boolean");
        browser.open("/admin/pathways/stroke/" + made);
        browser.find("#publish button").click();
        browser.await().until(ExpectedConditions.attributeToBe(By.id("pathway-status"), "data-status", "PUBLISHED"));
        assertThat(browser.consoleErrors()).as("no CSP violation or script error").isEmpty();

        PathwayTemplate current = catalog.current("stroke").orElseThrow();
        assertThat(current.version()).isEqualTo(String.valueOf(made));
        var falls = current.stage("maintenance").orElseThrow().form().getItem().stream()
                .filter(i -> i.getLinkId().equals("falls")).findFirst().orElseThrow();
        assertThat(falls.getRequired()).isTrue();
        assertThat(falls.getType().toCode()).isEqualTo("boolean");
        PathwayTemplate earlier = catalog.version("stroke", old).orElseThrow();
        assertThat(earlier.stage("maintenance").orElseThrow().form().getItem())
                .noneMatch(i -> i.getLinkId().equals("falls"));

        // the new version applies to new enrolments only; an enrolment keeps its version, even once that is retired
        var after = pathways.enrol(doctor, linkedConsentedPatientAt(hospital), "stroke", java.util.Map.of())
                .orElseThrow();
        assertThat(before.templateVersion()).isEqualTo(old);
        assertThat(after.templateVersion()).isEqualTo(String.valueOf(made));
        assertThat(pathways.open(doctor, before.id()).orElseThrow().template().stage("maintenance").orElseThrow()
                .form().getItem()).noneMatch(i -> i.getLinkId().equals("falls"));
        store.retire(org.musubi.registry.Administrator.of(operator), "stroke", made);
        assertThat(catalog.current("stroke").orElseThrow().version()).isEqualTo(old);
        assertThat(pathways.open(doctor, after.id()).orElseThrow().template().stage("maintenance").orElseThrow()
                .form().getItem()).anyMatch(i -> i.getLinkId().equals("falls"));
    }
}
