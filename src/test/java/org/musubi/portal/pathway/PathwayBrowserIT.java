package org.musubi.portal.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.carenet.enrolment.StageFields;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.pathway.PathwayCatalog;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The stroke pathway in headless Chromium (issue 44): the acute hospital's doctor enrols a linked patient from the
 * patient's page, assigning the recovery stage to a second hospital, and fills the acute stage's form (a required item
 * left empty first: its fault stands beside it and what was typed stays; items asked under a condition show and hide
 * as the answers change); the recovery hospital's doctor sees the due
 * stage on the home page, follows it to the pathway list and the pathway, and fills the recovery stage. No script error
 * and no CSP report on the way.
 */
@MusubiIntegrationTest
@Tag("browser")
class PathwayBrowserIT extends NetworkFixtures {

    @Autowired
    PathwayCatalog catalog;
    @Autowired
    IdentityStore identities;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aStrokePatientIsEnrolledAtTheAcuteHospitalAndTheRecoveryHospitalFillsItsStageFromItsHome() {
        Facility acute = accounts.newHospital();
        Facility recovery = accounts.newHospital();
        User doctor = accounts.memberOf(acute, Profession.DOCTOR);
        User rehab = accounts.memberOf(recovery, Profession.DOCTOR);
        long person = linkedConsentedPatientAt(acute);
        SourcePatient there = identities.receive(new SourcePatient(0, recovery.id(), FhirRecords.localId(), "連携",
                "花子", "レンケイ", "ハナコ", Sex.FEMALE, FhirRecords.uniqueBirthDate(), null, null, null));
        identities.link(there.id(), person, LinkMethod.OPERATOR, accounts.networkAdmin().id(), "test");
        consents.link(person, recovery.id(), accounts.networkAdmin().id());

        browser = browserAs(doctor);
        browser.open("/portal/patients/" + person);
        browser.find("#pathway-link").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("pathway-enrol")));
        browser.find("input[name='template'][value='stroke']").click();
        new Select(browser.find("select[name='assign.recovery'][data-template='stroke']"))
                .selectByValue(String.valueOf(recovery.id()));
        browser.find("#pathway-enrol-submit").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("pathway-stages")));
        assertThat(browser.find("tr[data-stage='recovery']").getText()).contains(recovery.nameKanji());
        browser.find("tr[data-stage='acute'] a.fill-stage").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("stage-form")));

        assertThat(browser.find("div.item[data-item='diet']").isDisplayed()).as("asked with dysphagia only").isFalse();
        browser.find("input[name='f.dysphagia'][value='true']").click();
        assertThat(browser.find("div.item[data-item='diet']").isDisplayed()).isTrue();
        new Select(browser.find("select[name='f.type']")).selectByValue("haemorrhage");
        assertThat(browser.find("div.item[data-item='reperfusion']").isDisplayed()).as("after an infarction only").isFalse();
        new Select(browser.find("select[name='f.type']")).selectByValue("infarction");
        assertThat(browser.find("div.item[data-item='reperfusion']").isDisplayed()).isTrue();

        Questionnaire acuteForm = catalog.current("stroke").orElseThrow().stage("acute").orElseThrow().form();
        Map<String, List<String>> fields = StageFields.valid(acuteForm);
        fields.remove("f.onset");
        fill(StageFields.with(fields, "nihss-total", "１２"));
        browser.find("#stage-save").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("form-faults")));
        assertThat(browser.find("div.item[data-item='onset'] .item-faults").getText()).contains("必須");
        assertThat(browser.find("input[name='f.nihss-total']").getAttribute("value")).as("kept as typed").isEqualTo("１２");
        fill(Map.of("f.onset", List.of("2026-11-20")));
        browser.find("#stage-save").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "tr[data-stage='acute'][data-filled='true']")));
        assertThat(browser.find("tr[data-stage='acute']").getText()).contains(acute.nameKanji(), doctor.nameKanji());
        assertThat(browser.consoleErrors()).as("no CSP violation or script error (the form with faults answers 422)")
                .allMatch(e -> e.contains("/stages/0") && e.contains("status of 422"));
        browser.close();

        browser = browserAs(rehab);
        browser.open("/");
        assertThat(browser.find("#pathway-waiting").getAttribute("data-waiting")).isEqualTo("1");
        browser.find("#pathway-waiting-link").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("pathway-list")));
        browser.find("#pathway-list tr[data-mine='true'] a").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("pathway-stages")));
        browser.find("tr[data-stage='recovery'] a.fill-stage").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("stage-form")));
        fill(StageFields.valid(catalog.current("stroke").orElseThrow().stage("recovery").orElseThrow().form()));
        browser.find("#stage-save").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "tr[data-stage='recovery'][data-filled='true']")));
        assertThat(browser.find("tr[data-stage='recovery']").getText()).contains(recovery.nameKanji());
        browser.open("/");
        assertThat(browser.findAll("#pathway-waiting")).as("filled: no longer waiting").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Sets the form's fields as a user would: a select's option, a radio or checkbox, a text, date or textarea. */
    private void fill(Map<String, List<String>> fields) {
        browser.script("""
                var fields = arguments[0];
                Object.keys(fields).forEach(function (name) {
                  var values = fields[name];
                  document.querySelectorAll('[name="' + name + '"]').forEach(function (el) {
                    if (el.type === 'radio' || el.type === 'checkbox') {
                      el.checked = values.indexOf(el.value) >= 0;
                    } else {
                      el.value = values[0];
                    }
                  });
                });""", fields);
    }

}
